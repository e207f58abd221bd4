using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using FisExtension.Configuration;
using FisExtension.Telemetry;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Yarp.ReverseProxy.Forwarder;

namespace FisExtension.RuntimeApi;

/// <summary>Kestrel serving the <see cref="RuntimeApiProxy"/> on the socket <see cref="ProxyListener"/> bound before registration.</summary>
internal static class ProxyHost
{
    // At SHUTDOWN nothing useful is in flight: a runtime still parked in /next is about to be stopped. A short
    // budget keeps the extension's exit within a small part of Lambda's 2,000 ms.
    private static readonly TimeSpan StopBudget = TimeSpan.FromMilliseconds(100);

    // The name ASP.NET Core's host gives the diagnostic source it registers for Kestrel.
    private const string KestrelDiagnosticSourceName = "Microsoft.AspNetCore";

    /// <summary>
    /// Starts serving on the bound <paramref name="listener"/>; returns once connections are accepted, or null when the
    /// server cannot start. Then the listener is closed, the wrapper finds no proxy and leaves the runtime on the
    /// original endpoint (fail open).
    /// </summary>
    public static async Task<ProxyServer?> TryStartAsync(
        Socket listener,
        ExtensionOptions options,
        HttpMessageInvoker upstream,
        FaultInjection injection,
        ILoggerProvider logs,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            var proxy = await StartAsync(listener, options, upstream, injection, logs, cancellationToken).ConfigureAwait(false);

            // Kestrel owns the socket's handle now and closes it when it stops.
            listener.SafeHandle.SetHandleAsInvalid();
            Log.ProxyListening(logger, $"127.0.0.1:{options.ListenerPort}", options.UpstreamRuntimeApi);
            return proxy;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Must not crash the extension during init: that would fail the function's init. Without the proxy the
            // function simply runs untouched.
            listener.Dispose();
            Log.ListenFailed(logger, $"127.0.0.1:{options.ListenerPort}", $"{exception.GetType().Name}: {exception.Message}");
            return null;
        }
    }

    /// <summary>Stops accepting, cancels in-flight waits (injected delays end at once) and releases the port.</summary>
    public static async Task StopAsync(ProxyServer proxy)
    {
        using var budget = new CancellationTokenSource(StopBudget);
        try
        {
            await proxy.StopAsync(budget.Token).ConfigureAwait(false);
        }
        finally
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<ProxyServer> StartAsync(
        Socket listener,
        ExtensionOptions options,
        HttpMessageInvoker upstream,
        FaultInjection injection,
        ILoggerProvider logs,
        CancellationToken cancellationToken)
    {
        var throttle = new RefusalThrottle(injection.Time);
        var stopping = new CancellationTokenSource();
        var services = ProxyServices(listener, injection.Time, throttle, logs).BuildServiceProvider();
        try
        {
            var interceptor = new InvocationInterceptor(
                injection.Faults,
                injection.Planner,
                new InvocationRegistry(),
                upstream,
                options.UpstreamRuntimeApi,
                injection.Time,
                injection.Telemetry,
                injection.Polls,
                stopping.Token);
            var proxy = new RuntimeApiProxy(
                services.GetRequiredService<IHttpForwarder>(),
                upstream,
                options.UpstreamRuntimeApi,
                interceptor,
                throttle,
                stopping.Token,
                services.GetRequiredService<ILoggerFactory>().CreateLogger<RuntimeApiProxy>());
            var server = services.GetRequiredService<IServer>();
            await server.StartAsync(new ProxyApplication(proxy.HandleAsync), cancellationToken).ConfigureAwait(false);
            return new ProxyServer(server, services, stopping);
        }
        catch
        {
            await services.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            throw;
        }
    }

    /// <summary>Kestrel on the bound socket, YARP's forwarder and the extension's log lines; no host (<see cref="KestrelServiceRegistration"/>).</summary>
    internal static ServiceCollection ProxyServices(Socket listener, TimeProvider time, RefusalThrottle throttle, ILoggerProvider logs)
    {
        var services = new ServiceCollection();

        // The logger factory is made here rather than by AddLogging, whose options pipeline (filter and factory
        // options, their factories, caches and monitors) NativeAOT's type loader would build at run time: a dozen
        // generic types, 1.5–3.0 of about 24 ms of start-up CPU in three same-run A/Bs. The rules are AddLogging's.
        services.AddSingleton<ILoggerFactory>(_ => ProxyLoggerFactory(logs, throttle));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));

        // What the host would otherwise provide: meters and a diagnostic source, which Kestrel's services take, and
        // the clock, which YARP's forwarder takes.
        services.AddMetrics();
        services.AddSingleton<DiagnosticSource>(new DiagnosticListener(KestrelDiagnosticSourceName));
        services.AddSingleton(time);

        new KestrelServiceRegistration(services).UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // Header values are bytes to pass on, not text to read: Latin-1 maps each byte to one char and back, so
            // UTF-8 and any other obs-text (RFC 9110 §5.5) reach the upstream unchanged, in both directions.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
            kestrel.ResponseHeaderEncodingSelector = _ => Encoding.Latin1;
            kestrel.ListenHandle((ulong)listener.Handle, listen => listen.Protocols = HttpProtocols.Http1);
            ConfigureLimits(kestrel.Limits);
        });
        services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();

        // Request handling continues on the socket engine's thread, with the runtime's inline completions
        // (SocketScheduling): nothing on the forwarding path waits synchronously (fault delays are timers, log lines
        // short writes to stdout).
        services.Configure<SocketTransportOptions>(sockets => sockets.UnsafePreferInlineScheduling = true);
        services.AddHttpForwarder();
        return services;
    }

    /// <summary>
    /// The extension's lines through <paramref name="logs"/>, and Kestrel's rejections through <see cref="RejectedRequestLog"/>.
    /// Everything else below Information is dropped, as AddLogging's default does.
    /// </summary>
    private static LoggerFactory ProxyLoggerFactory(ILoggerProvider logs, RefusalThrottle throttle)
    {
        var filter = new LoggerFilterOptions { MinLevel = LogLevel.Information };
        filter.Rules.Add(new LoggerFilterRule(typeof(RejectedRequestLog).FullName, RejectedRequestLog.KestrelBadRequestsCategory, LogLevel.Debug, filter: null));

        // The extension's own lines pass at every level here: AWS_FIS_LOG_LEVEL decides in the provider, and the
        // default floor would drop the proxy's debug lines even when it asks for them.
        filter.Rules.Add(new LoggerFilterRule(providerName: null, FisLoggerProvider.OwnCategoryPrefix, LogLevel.Trace, filter: null));
        return new LoggerFactory([logs, new RejectedRequestLog(throttle, logs.CreateLogger(typeof(RuntimeApiProxy).FullName!))], filter);
    }

    private static void ConfigureLimits(KestrelServerLimits limits)
    {
        // The upstream Runtime API enforces payload limits; a streamed response may exceed 6 MB legitimately.
        limits.MaxRequestBodySize = null;

        // A streamed response may pause for as long as the handler likes; a data-rate floor would cut it.
        limits.MinRequestBodyDataRate = null;
        limits.MinResponseDataRate = null;

        // Whatever Lambda's Runtime API accepts must pass (lambda-apis.md §5): the official clients send X-Ray causes of
        // up to 1 MiB, raw UTF-8 included. Lambda's Runtime API server is written in Go (its open counterpart is the
        // Runtime Interface Emulator), and Go's net/http takes a request line and headers of up to 1 MiB + 4 KiB
        // together (http.DefaultMaxHeaderBytes), limiting neither the line nor the count on its own. The proxy takes
        // more than that, so the upstream, not the proxy, answers anything bigger.
        limits.MaxRequestLineSize = RuntimeApiLimits.RequestHeadBytes;
        limits.MaxRequestHeadersTotalSize = RuntimeApiLimits.RequestHeadBytes;
        limits.MaxRequestHeaderCount = RuntimeApiLimits.RequestHeaderCount;
        limits.MaxRequestBufferSize = RuntimeApiLimits.RequestBufferBytes;

        // Connections sit idle across freezes of any length; the runtime must find them open afterwards.
        limits.KeepAliveTimeout = TimeSpan.FromDays(1);
    }
}
