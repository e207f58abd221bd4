using System.Net.Sockets;
using System.Text;
using FisExtension.Configuration;
using FisExtension.Telemetry;
using Microsoft.AspNetCore.Connections;
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

    /// <summary>
    /// Starts serving on the bound <paramref name="listener"/>; returns once connections are accepted, or null when the
    /// server cannot start. Then the listener is closed, the wrapper finds no proxy and leaves the runtime on the
    /// original endpoint (fail open).
    /// </summary>
    public static async Task<WebApplication?> TryStartAsync(
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
            var app = await StartAsync(listener, options, upstream, injection, logs, cancellationToken).ConfigureAwait(false);

            // Kestrel owns the socket's handle now and closes it when it stops.
            listener.SafeHandle.SetHandleAsInvalid();
            Log.ProxyListening(logger, $"127.0.0.1:{options.ListenerPort}", options.UpstreamRuntimeApi);
            return app;
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
    public static async Task StopAsync(WebApplication app)
    {
        using var budget = new CancellationTokenSource(StopBudget);
        await app.StopAsync(budget.Token).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<WebApplication> StartAsync(
        Socket listener,
        ExtensionOptions options,
        HttpMessageInvoker upstream,
        FaultInjection injection,
        ILoggerProvider logs,
        CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings.json or ASPNETCORE_* variables: the function's own files and
        // environment must not reconfigure the extension.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        var throttle = new RefusalThrottle(injection.Time);
        builder.Logging.AddProvider(logs);
        builder.Logging.AddProvider(new RejectedRequestLog(throttle, logs.CreateLogger(typeof(RuntimeApiProxy).FullName!)));
        builder.Logging.AddFilter<RejectedRequestLog>(RejectedRequestLog.KestrelBadRequestsCategory, LogLevel.Debug);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // Header values are bytes to pass on, not text to read: Latin-1 maps each byte to one char and back, so
            // UTF-8 and any other obs-text (RFC 9110 §5.5) reach the upstream unchanged, in both directions.
            kestrel.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
            kestrel.ResponseHeaderEncodingSelector = _ => Encoding.Latin1;
            kestrel.ListenHandle((ulong)listener.Handle, listen => listen.Protocols = HttpProtocols.Http1);
            ConfigureLimits(kestrel.Limits);
        });
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();

        // Request handling continues on the socket engine's thread, with the runtime's inline completions
        // (SocketScheduling): nothing on the forwarding path waits synchronously (fault delays are timers, log lines
        // short writes to stdout).
        builder.Services.Configure<SocketTransportOptions>(sockets => sockets.UnsafePreferInlineScheduling = true);
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton(upstream);

        var app = builder.Build();
        var interceptor = new InvocationInterceptor(
            injection.Faults,
            injection.Planner,
            new InvocationRegistry(),
            upstream,
            options.UpstreamRuntimeApi,
            injection.Time,
            injection.Telemetry,
            injection.Polls,
            app.Lifetime.ApplicationStopping);
        var proxy = new RuntimeApiProxy(
            app.Services.GetRequiredService<IHttpForwarder>(),
            upstream,
            options.UpstreamRuntimeApi,
            interceptor,
            throttle,
            app.Lifetime.ApplicationStopping,
            app.Services.GetRequiredService<ILogger<RuntimeApiProxy>>());
        app.Run(proxy.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
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
