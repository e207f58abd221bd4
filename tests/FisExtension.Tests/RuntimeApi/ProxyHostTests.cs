using System.Net;
using System.Net.Sockets;
using System.Reflection;
using FisExtension.RuntimeApi;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
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
        using var upstream = new HttpMessageInvoker(new SocketsHttpHandler());
        using var services = Services(listener, upstream);

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
        using var upstream = new HttpMessageInvoker(new SocketsHttpHandler());
        using var services = Services(listener, upstream);

        Assert.Equal("KestrelServerImpl", services.GetRequiredService<IServer>().GetType().Name);
        Assert.NotNull(services.GetRequiredService<IHttpForwarder>());
    }

    private static ServiceProvider Services(Socket listener, HttpMessageInvoker upstream) =>
        ProxyHost.ProxyServices(listener, upstream, TimeProvider.System, new RefusalThrottle(TimeProvider.System), NullLoggerProvider.Instance)
            .BuildServiceProvider();

    private static Socket BoundListener()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen();
        return socket;
    }
}
