using FisExtension.Configuration;
using FisExtension.Faults;
using FisExtension.RuntimeApi;
using FisExtension.Telemetry;
using FisExtension.Tests.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Tests.RuntimeApi;

/// <summary>
/// The interceptor's side of "every fault ends on time": the event held by a delay is handed over at the fault's
/// end, and an override whose fault ended is not applied — the handler runs, or its own result stands.
/// </summary>
public sealed class InvocationInterceptorFaultEndTests : IDisposable
{
    private const string RequestId = "8f507cfc-1b2c-4a8d-9e35-6f1c0c9b3d11";

    private readonly FakeTimeProvider _time = new(TestFaults.T0);
    private readonly StringWriter _log = new();
    private readonly FisLoggerProvider _logs;
    private readonly UpstreamThatMustNotBeCalled _upstream = new();
    private readonly HttpMessageInvoker _invoker;

    public InvocationInterceptorFaultEndTests()
    {
        _logs = new FisLoggerProvider(LogFormat.Text, LogLevel.Debug, _log, _time);
        _invoker = new HttpMessageInvoker(_upstream);
    }

    [Fact(Timeout = 10_000)]
    public async Task EventHeldByALongDelay_IsHandedOverAtTheFaultsEndTime()
    {
        var fault = TestFaults.Delay("inject-delay", TestFaults.T0.AddMinutes(-1), TestFaults.T0.AddSeconds(3), milliseconds: 900_000);
        var interceptor = Interceptor(new SettableFaultSource(_time, fault), new ScriptedRandomSource(0));
        using var next = Event();
        var started = _time.GetTimestamp();

        var handedOver = interceptor.OnNextEventAsync(new DefaultHttpContext().Request, next, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(2990));
        var heldJustBeforeTheEnd = !handedOver.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(10));

        Assert.True(heldJustBeforeTheEnd, "handed over before the fault ended");
        Assert.Same(next, await handedOver.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(3), _time.GetElapsedTime(started));
        Assert.Contains("released the start delay after 3000 of 900000 milliseconds: the fault ended at its end time (experiment EXP7f3kQ2, action inject-delay)", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task PreventingErrorThatEndsDuringTheDelay_LetsTheHandlerRun()
    {
        var delay = TestFaults.Delay("inject-delay", TestFaults.T0.AddMinutes(-1), TestFaults.T0.AddMinutes(10), milliseconds: 1000);
        var error = TestFaults.Error("inject-error", TestFaults.T0.AddMinutes(-1), TestFaults.T0.AddMilliseconds(500), preventExecution: true);
        var interceptor = Interceptor(new SettableFaultSource(_time, delay, error), new ScriptedRandomSource(0, 0));
        using var next = Event();

        var handedOver = interceptor.OnNextEventAsync(new DefaultHttpContext().Request, next, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Same(next, await handedOver.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, _upstream.Calls);
        Assert.Contains("the fault ended before the function's result arrived: the result passes unchanged (experiment EXP7f3kQ2, action inject-error)", _log.ToString(), StringComparison.Ordinal);
    }

    [Theory(Timeout = 10_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PendingOverride_IsTakenWhileItsFaultIsActive_AndNotOnceItEnded(bool resultArrivesAfterTheEnd)
    {
        var error = TestFaults.Error("inject-error", TestFaults.T0.AddMinutes(-1), TestFaults.T0.AddSeconds(2));
        var interceptor = Interceptor(new SettableFaultSource(_time, error), new ScriptedRandomSource(0));
        using var next = Event();
        Assert.Same(next, await interceptor.OnNextEventAsync(new DefaultHttpContext().Request, next, CancellationToken.None));

        _time.Advance(resultArrivesAfterTheEnd ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(1999));
        var taken = interceptor.TryTakeOverride(RequestId, out _);

        Assert.Equal(!resultArrivesAfterTheEnd, taken);
        Assert.Equal(resultArrivesAfterTheEnd, _log.ToString().Contains("the fault ended before the function's result arrived", StringComparison.Ordinal));
    }

    [Fact(Timeout = 10_000)]
    public async Task PendingOverride_WhoseObjectWasDeleted_IsNotTaken()
    {
        var http = TestFaults.Http("inject-http", TestFaults.T0.AddMinutes(-1), TestFaults.T0.AddMinutes(10));
        var faults = new SettableFaultSource(_time, http);
        var interceptor = Interceptor(faults, new ScriptedRandomSource(0));
        using var next = Event();
        await interceptor.OnNextEventAsync(new DefaultHttpContext().Request, next, CancellationToken.None);

        faults.Publish();

        Assert.False(interceptor.TryTakeOverride(RequestId, out _));
    }

    public void Dispose()
    {
        _invoker.Dispose();
        _logs.Dispose();
        _log.Dispose();
    }

    private InvocationInterceptor Interceptor(IFaultSnapshotSource faults, IRandomSource random) => new(
        faults,
        new FaultPlanner(random),
        new InvocationRegistry(),
        _invoker,
        "127.0.0.1:9",
        _time,
        new FaultTelemetry(_logs.CreateLogger("FisExtension"), EmfMetricWriter.Disabled),
        new PollCompletedSignal(),
        CancellationToken.None);

    private static HttpResponseMessage Event()
    {
        var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("{}") };
        response.Headers.Add(RuntimeApiHeaders.RequestId, RequestId);
        return response;
    }

    /// <summary>Counts calls to the upstream Runtime API, which these tests expect none of.</summary>
    private sealed class UpstreamThatMustNotBeCalled : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Accepted));
        }
    }
}
