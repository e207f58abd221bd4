using System.Net;
using FisExtension.Configuration;
using FisExtension.Telemetry;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Forwarder;

namespace FisExtension.RuntimeApi;

/// <summary>Kestrel on 127.0.0.1 serving the <see cref="RuntimeApiProxy"/>; started before registration.</summary>
internal static class ProxyHost
{
    // At SHUTDOWN nothing useful is in flight: a runtime still parked in /next is about to be stopped. A short
    // budget keeps the extension's exit within a small part of Lambda's 2,000 ms.
    private static readonly TimeSpan StopBudget = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Binds the listener and starts serving; returns once connections are accepted, or null when the port cannot
    /// be bound. Then the wrapper finds no proxy and leaves the runtime on the original endpoint (fail open).
    /// </summary>
    public static async Task<WebApplication?> TryStartAsync(
        ExtensionOptions options,
        HttpMessageInvoker upstream,
        FaultInjection injection,
        ILoggerProvider logs,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            var app = await StartAsync(options, upstream, injection, logs, cancellationToken).ConfigureAwait(false);
            Log.ProxyListening(logger, $"127.0.0.1:{options.ListenerPort}", options.UpstreamRuntimeApi);
            return app;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Any bind failure (port taken, not permitted, address missing) must not crash the extension during
            // init: that would fail the function's init. Without the proxy the function simply runs untouched.
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
        ExtensionOptions options,
        HttpMessageInvoker upstream,
        FaultInjection injection,
        ILoggerProvider logs,
        CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings.json or ASPNETCORE_* variables: the function's own files and
        // environment must not reconfigure the extension.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.AddProvider(logs);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.ListenerPort, listen => listen.Protocols = HttpProtocols.Http1);
            ConfigureLimits(kestrel.Limits);
        });
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

        // Connections sit idle across freezes of any length; the runtime must find them open afterwards.
        limits.KeepAliveTimeout = TimeSpan.FromDays(1);
    }
}
