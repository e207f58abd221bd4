using System.Globalization;
using FisExtension.Faults;
using FisExtension.Telemetry;

namespace FisExtension.RuntimeApi;

/// <summary>
/// Applies the fault plan of each invocation at the two points the proxy sees it: the event coming back from
/// upstream <c>/next</c> (delay, or answer in the runtime's place), and the runtime's result (override).
/// </summary>
internal sealed class InvocationInterceptor(
    IFaultSnapshotSource faults,
    FaultPlanner planner,
    InvocationRegistry registry,
    HttpMessageInvoker upstream,
    string upstreamAddress,
    TimeProvider time,
    FaultTelemetry telemetry,
    PollCompletedSignal polls,
    CancellationToken shutdown)
{
    private readonly FaultBoundDelay _delay = new(faults, polls, time);

    // A result never posted (the runtime crashed) is forgotten after its deadline; without one, after the longest
    // a Lambda invocation may run.
    private static readonly TimeSpan FallbackLifetime = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Takes the upstream's answer to <c>/next</c> and returns the answer to hand to the runtime: the same one,
    /// possibly after a delay, or — when the handler must not run — a later event fetched after the proxy
    /// answered the prevented ones itself.
    /// </summary>
    public async Task<HttpResponseMessage> OnNextEventAsync(HttpRequest runtimeRequest, HttpResponseMessage next, CancellationToken cancellationToken)
    {
        var current = next;
        try
        {
            return await InterceptAsync(runtimeRequest, next, response => current = response, cancellationToken).ConfigureAwait(false);
        }
        catch when (!ReferenceEquals(current, next))
        {
            // A later event fetched by the proxy is ours to release; YARP releases the first.
            current.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> InterceptAsync(HttpRequest runtimeRequest, HttpResponseMessage next, Action<HttpResponseMessage> track, CancellationToken cancellationToken)
    {
        var current = next;
        while (current.IsSuccessStatusCode && RequestIdOf(current) is { } requestId)
        {
            var (plan, eventShape) = await PlanAsync(current, requestId, cancellationToken).ConfigureAwait(false);
            if (plan.IsEmpty)
            {
                return current;
            }

            if (plan.DelayFault is { } delay)
            {
                await DelayAsync(delay, plan.Delay, requestId, cancellationToken).ConfigureAwait(false);
            }

            if (plan.OverrideFault is not { } overrideFault)
            {
                return current;
            }

            // The override's fault may have ended during the delay: then the handler runs and its result stands.
            if (!faults.Current.StillActive(overrideFault, time.GetUtcNow()))
            {
                telemetry.OverrideEnded(overrideFault, requestId);
                return current;
            }

            var pending = new PendingOverride(overrideFault, eventShape, DeadlineOf(current));
            if (!plan.PreventExecution)
            {
                registry.Add(requestId, pending, time.GetUtcNow());
                return current;
            }

            await AnswerInRuntimesPlaceAsync(requestId, pending, cancellationToken).ConfigureAwait(false);
            var following = await FetchNextAsync(runtimeRequest, cancellationToken).ConfigureAwait(false);
            if (!ReferenceEquals(current, next))
            {
                current.Dispose();
            }

            current = following;
            track(current);
        }

        return current;
    }

    /// <summary>Decides the faults of one invocation. A bug in fault code must not hurt the function: it then gets none.</summary>
    private async Task<(FaultPlan Plan, HttpEventShape EventShape)> PlanAsync(HttpResponseMessage next, string requestId, CancellationToken cancellationToken)
    {
        try
        {
            await faults.OnInvocationAsync(cancellationToken).ConfigureAwait(false);
            var plan = planner.Plan(faults.Current, time.GetUtcNow());
            telemetry.Planned(plan, requestId);
            var eventShape = plan.OverrideFault?.Kind == FaultKind.HttpIntegrationResponse
                ? await BufferEventAsync(next, cancellationToken).ConfigureAwait(false)
                : HttpEventShape.Unknown;
            return (plan, eventShape);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            telemetry.NotApplied(requestId, exception);
            return (FaultPlan.None, HttpEventShape.Unknown);
        }
    }

    /// <summary>
    /// The override waiting for this invocation's result, if its plan had one and its fault is still active: a
    /// fault that ended (or whose object was deleted) before the result arrived leaves the result unchanged.
    /// </summary>
    public bool TryTakeOverride(string requestId, out PendingOverride pending)
    {
        if (!registry.TryTake(requestId, out pending))
        {
            return false;
        }

        if (faults.Current.StillActive(pending.Fault, time.GetUtcNow()))
        {
            return true;
        }

        telemetry.OverrideEnded(pending.Fault, requestId);
        return false;
    }

    /// <summary>Holds the event back for the delay fault, until its time has passed or the fault has ended, whichever comes first.</summary>
    private async Task DelayAsync(FaultDefinition fault, TimeSpan requested, string requestId, CancellationToken cancellationToken)
    {
        telemetry.Delaying(fault, requestId);
        var started = time.GetTimestamp();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown);
        var release = await _delay.WaitAsync(fault, requested, linked.Token).ConfigureAwait(false);
        telemetry.DelayReleased(fault, requestId, release, time.GetElapsedTime(started));
    }

    /// <summary>
    /// Answers the runtime's result (a response, streamed or not, or an error) with the override: the handler's
    /// bytes are read and discarded, the injected error or synthetic response goes upstream in their place, and
    /// the runtime gets the upstream's answer to it.
    /// </summary>
    public async Task ReplaceResultAsync(HttpContext context, string requestId, PendingOverride pending)
    {
        var cancellationToken = context.RequestAborted;
        await context.Request.Body.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        using var response = await PostOverrideAsync(requestId, pending, cancellationToken).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HeadersNotForwarded.Contains(name))
            {
                context.Response.Headers.Append(name, values.ToArray());
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, cancellationToken).ConfigureAwait(false);
    }

    private async Task AnswerInRuntimesPlaceAsync(string requestId, PendingOverride pending, CancellationToken cancellationToken)
    {
        using var response = await PostOverrideAsync(requestId, pending, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the Runtime API answered {(int)response.StatusCode} to the injected result of {requestId}");
        }
    }

    private async Task<HttpResponseMessage> PostOverrideAsync(string requestId, PendingOverride pending, CancellationToken cancellationToken)
    {
        var replacement = OverrideRequest.For(requestId, pending);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://{upstreamAddress}{replacement.Path}"))
        {
            Content = replacement.ToContent(),
        };
        if (replacement.ErrorType is { } errorType)
        {
            request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
        }

        var response = await upstream.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            // Counted once Lambda took it: an override the Runtime API refused was not injected.
            telemetry.Overridden(pending.Fault, requestId);
        }

        return response;
    }

    private async Task<HttpResponseMessage> FetchNextAsync(HttpRequest runtimeRequest, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{upstreamAddress}{RuntimeApiPaths.NextInvocation}{runtimeRequest.QueryString}"));
        foreach (var (name, values) in runtimeRequest.Headers)
        {
            if (!HeadersNotForwarded.Contains(name))
            {
                request.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
            }
        }

        return await upstream.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the event into memory (at most 6 MB) to learn its source; the runtime still gets the same bytes.</summary>
    private static async Task<HttpEventShape> BufferEventAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var buffered = new ByteArrayContent(body);
        foreach (var (name, values) in response.Content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(name, values);
        }

        response.Content = buffered;
        return LambdaEventShape.Read(body);
    }

    private static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RuntimeApiHeaders.RequestId, out var values) ? values.FirstOrDefault() : null;

    private DateTimeOffset DeadlineOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(RuntimeApiHeaders.DeadlineMs, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var deadlineMs)
            ? DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs)
            : time.GetUtcNow() + FallbackLifetime;
}
