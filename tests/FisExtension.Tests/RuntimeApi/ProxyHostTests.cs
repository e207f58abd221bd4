using System.Net;
using System.Net.Sockets;
using System.Reflection;
using FisExtension.Configuration;
using FisExtension.RuntimeApi;
using FisExtension.Telemetry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace FisExtension.Tests.RuntimeApi;

/// <summary>
/// The proxy's services are registered without a host (KestrelServiceRegistration): these check that Kestrel's socket
/// transport still gets what the extension's measurements rest on, since nothing else would notice its loss.
/// </summary>
public sealed class ProxyHostTests
{
    [Fact]
    public void ProxyServices_GiveKestrelsSocketTransport_TheLargeBlockPool_AndInlineScheduling()
    {
        using var listener = BoundListener();
        using var services = Services(listener);

        var transport = services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;

        Assert.True(transport.UnsafePreferInlineScheduling);

        // The transport takes its pool factory through an internal option (ASP.NET Core 10) that only UseKestrelCore's
        // registrations fill from IMemoryPoolFactory<byte>: if that path changes, this fails rather than the 1 MiB
        // figures silently doubling.
        var poolFactory = typeof(SocketTransportOptions)
            .GetProperty("MemoryPoolFactory", BindingFlags.Instance | BindingFlags.NonPublic)?
            .GetValue(transport);
        Assert.IsType<LargeBlockMemoryPoolFactory>(poolFactory);
    }

    [Fact]
    public void ProxyServices_ResolveKestrelAndYarpsForwarder()
    {
        using var listener = BoundListener();
        using var services = Services(listener);

        Assert.Equal("KestrelServerImpl", services.GetRequiredService<IServer>().GetType().Name);
        Assert.NotNull(services.GetRequiredService<IHttpForwarder>());
    }

    [Theory]
    [InlineData(LogLevel.Debug, true)]
    [InlineData(LogLevel.Information, false)]
    public void TheProxysDebugLines_FollowTheExtensionsLogLevel_NotTheFactorysDefault(LogLevel extensionLevel, bool written)
    {
        using var listener = BoundListener();
        using var output = new StringWriter();
        using var logs = new FisLoggerProvider(LogFormat.Text, extensionLevel, output, TimeProvider.System);
        using var services = Services(listener, logs);

        Log.ForwardEndedByShutdown(services.GetRequiredService<ILogger<RuntimeApiProxy>>(), "GET", "/2018-06-01/runtime/invocation/next", "cancelled");

        Assert.Equal(written, output.ToString().Contains("while shutting down, could not forward GET", StringComparison.Ordinal));
    }

    private static ServiceProvider Services(Socket listener, ILoggerProvider? logs = null) =>
        ProxyHost.ProxyServices(listener, TimeProvider.System, new RefusalThrottle(TimeProvider.System), logs ?? NullLoggerProvider.Instance)
            .BuildServiceProvider();

    private static Socket BoundListener()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen();
        return socket;
    }
}
