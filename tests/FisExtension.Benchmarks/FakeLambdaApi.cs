using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FisExtension.Benchmarks;

/// <summary>
/// The smallest Runtime and Extensions API the extension needs: register, a blocking <c>event/next</c> released
/// by <see cref="SendShutdown"/>, an invocation <c>/next</c> that answers at once, and <c>/response</c> and
/// <c>/error</c>, whose outcome it keeps per request id for the fault parts to count.
/// Both the direct and the proxied loops hit this same server, so its own cost cancels out of the difference.
/// An extension registered for <c>INVOKE</c> gets one INVOKE event per <c>/next</c>, as Lambda sends it. Run out of
/// process (<see cref="FakeApiServer"/>), it is driven through the <c>/bench/…</c> control paths.
/// </summary>
internal sealed class FakeLambdaApi : ILambdaApiDouble, IAsyncDisposable
{
    private const string ShutdownEvent = """{"eventType":"SHUTDOWN","shutdownReason":"spindown","deadlineMs":0}""";
    private static readonly byte[] Accepted = """{"status":"OK"}"""u8.ToArray();

    private readonly WebApplication _app;
    private readonly Channel<Registration> _registrations = Channel.CreateUnbounded<Registration>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _shutdowns = new();
    private readonly ConcurrentDictionary<string, Channel<string>> _invokeEvents = new();
    private readonly ConcurrentDictionary<string, byte> _openInvocations = new();
    private readonly ConcurrentDictionary<string, InvocationOutcome> _outcomes = new();
    private readonly byte[] _event;
    private TaskCompletionSource? _nextRelease;
    private TaskCompletionSource _nextArrivedWhileHeld = new();
    private long _invocationCounter;
    private long _responseBytes;
    private long _unknownRequestIds;

    private FakeLambdaApi(WebApplication app, byte[] invocationEvent)
    {
        _app = app;
        _event = invocationEvent;
    }

    /// <summary><c>host:port</c>, as <c>AWS_LAMBDA_RUNTIME_API</c> carries it.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Bytes of every <c>/response</c> body received, to check that the proxy forwarded them whole.</summary>
    public long ResponseBytes => Interlocked.Read(ref _responseBytes);

    /// <summary><c>/response</c> posts for a request id this API never handed out.</summary>
    public long UnknownRequestIds => Interlocked.Read(ref _unknownRequestIds);

    /// <summary>What the upstream received for <paramref name="requestId"/>, forgotten once taken; null if nothing yet.</summary>
    public InvocationOutcome? TakeOutcome(string requestId) => _outcomes.TryRemove(requestId, out var outcome) ? outcome : null;

    public static async Task<FakeLambdaApi> StartAsync(byte[] invocationEvent)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromHours(1);
        });
        var app = builder.Build();
        var api = new FakeLambdaApi(app, invocationEvent);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        api.Address = new Uri(app.Urls.First()).Authority;
        return api;
    }

    /// <summary>Waits for the next registration, or fails after <paramref name="timeout"/>.</summary>
    public async Task<Registration> NextRegistrationAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return await _registrations.Reader.ReadAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no registration arrived within {timeout.TotalSeconds} s");
        }
    }

    /// <summary>Releases the extension's pending (or next) <c>event/next</c> with SHUTDOWN.</summary>
    public void SendShutdown(string extensionId) => ShutdownFor(extensionId).TrySetResult();

    public Task SendShutdownAsync(string extensionId)
    {
        SendShutdown(extensionId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// From now on <c>/next</c> waits, as it does between invocations in Lambda, until <see cref="ReleaseNextInvocations"/>.
    /// The task completes when a <c>/next</c> is waiting.
    /// </summary>
    public Task HoldNextInvocations()
    {
        _nextArrivedWhileHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _nextRelease = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _nextArrivedWhileHeld.Task;
    }

    public void ReleaseNextInvocations() => Interlocked.Exchange(ref _nextRelease, null)?.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        ReleaseNextInvocations();
        foreach (var shutdown in _shutdowns.Values)
        {
            shutdown.TrySetResult();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private TaskCompletionSource ShutdownFor(string extensionId) =>
        _shutdowns.GetOrAdd(extensionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        return (context.Request.Method, path) switch
        {
            ("GET", RuntimeApiPaths.Next) => NextInvocationAsync(context),
            ("POST", _) when path.StartsWith(RuntimeApiPaths.Invocation, StringComparison.Ordinal)
                && path.EndsWith("/response", StringComparison.Ordinal) => InvocationResultAsync(context, path[RuntimeApiPaths.Invocation.Length..^"/response".Length], InvocationOutcome.Response),
            ("POST", _) when path.StartsWith(RuntimeApiPaths.Invocation, StringComparison.Ordinal)
                && path.EndsWith("/error", StringComparison.Ordinal) => InvocationResultAsync(context, path[RuntimeApiPaths.Invocation.Length..^"/error".Length], ErrorOutcome(context)),
            ("POST", "/2020-01-01/extension/register") => RegisterAsync(context),
            ("GET", "/2020-01-01/extension/event/next") => NextExtensionEventAsync(context),
            ("GET", "/bench/registration") => ControlNextRegistrationAsync(context),
            ("POST", _) when path.StartsWith("/bench/shutdown/", StringComparison.Ordinal) => ControlShutdown(context, path["/bench/shutdown/".Length..]),
            _ => NotFound(context),
        };
    }

    private async Task RegisterAsync(HttpContext context)
    {
        var arrived = Stopwatch.GetTimestamp();
        var id = Guid.NewGuid().ToString();
        using (var body = new StreamReader(context.Request.Body))
        {
            if ((await body.ReadToEndAsync(context.RequestAborted)).Contains("\"INVOKE\"", StringComparison.Ordinal))
            {
                _invokeEvents[id] = Channel.CreateUnbounded<string>();
            }
        }

        _registrations.Writer.TryWrite(new Registration(id, context.Request.Headers["Lambda-Extension-Name"].ToString(), arrived));
        context.Response.Headers["Lambda-Extension-Identifier"] = id;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"functionName":"bench","functionVersion":"$LATEST","handler":"bench.handler"}""");
    }

    private async Task NextExtensionEventAsync(HttpContext context)
    {
        var id = context.Request.Headers["Lambda-Extension-Identifier"].ToString();
        var shutdown = ShutdownFor(id).Task;
        var eventBody = ShutdownEvent;
        if (_invokeEvents.TryGetValue(id, out var invokes))
        {
            var invoke = invokes.Reader.ReadAsync(context.RequestAborted).AsTask();
            if (await Task.WhenAny(invoke, shutdown).WaitAsync(context.RequestAborted) == invoke)
            {
                eventBody = await invoke;
            }
        }
        else
        {
            await shutdown.WaitAsync(context.RequestAborted);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(eventBody);
    }

    private async Task ControlNextRegistrationAsync(HttpContext context)
    {
        var registration = await NextRegistrationAsync(TimeSpan.FromSeconds(10));
        await context.Response.WriteAsync(string.Join('\n', registration.ExtensionId, registration.ExtensionName, registration.ArrivedTimestamp.ToString(CultureInfo.InvariantCulture)));
    }

    private Task ControlShutdown(HttpContext context, string extensionId)
    {
        SendShutdown(extensionId);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private async Task NextInvocationAsync(HttpContext context)
    {
        if (Volatile.Read(ref _nextRelease) is { } release)
        {
            _nextArrivedWhileHeld.TrySetResult();
            await release.Task.WaitAsync(context.RequestAborted);
        }

        var requestId = Interlocked.Increment(ref _invocationCounter).ToString(CultureInfo.InvariantCulture);
        _openInvocations[requestId] = 0;
        var deadline = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        foreach (var invokes in _invokeEvents.Values)
        {
            invokes.Writer.TryWrite($$$"""{"eventType":"INVOKE","deadlineMs":{{{deadline}}},"requestId":"{{{requestId}}}","invokedFunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:bench","tracing":{"type":"X-Amzn-Trace-Id","value":"Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0"}}""");
        }

        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = requestId;
        headers["Lambda-Runtime-Deadline-Ms"] = deadline;
        headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:bench";
        headers["Lambda-Runtime-Trace-Id"] = "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0";
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = _event.Length;
        await context.Response.Body.WriteAsync(_event, context.RequestAborted);
    }

    private static InvocationOutcome ErrorOutcome(HttpContext context) =>
        context.Request.Headers["Lambda-Runtime-Function-Error-Type"] == "FisInjectedError" ? InvocationOutcome.InjectedError : InvocationOutcome.OtherError;

    private async Task InvocationResultAsync(HttpContext context, string requestId, InvocationOutcome outcome)
    {
        long received = 0;
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            received += read.Buffer.Length;
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        if (outcome == InvocationOutcome.Response)
        {
            Interlocked.Add(ref _responseBytes, received);
        }
        if (!_openInvocations.TryRemove(requestId, out _))
        {
            Interlocked.Increment(ref _unknownRequestIds);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        _outcomes[requestId] = outcome;

        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Accepted.Length;
        await context.Response.Body.WriteAsync(Accepted, context.RequestAborted);
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
