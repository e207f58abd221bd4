using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FisExtension.Configuration;
using FisExtension.Tests.Configuration.Support;
using Xunit.Abstractions;

namespace FisExtension.Tests.Configuration;

/// <summary>
/// An S3 endpoint that accepts connections and never answers, over real sockets and on the real clock: an invocation
/// waits no longer than AWS_FIS_POLL_MAX_WAIT_MILLISECONDS, and the poll ends within its budget.
/// </summary>
[Collection(RealClock.Name)]
public sealed class UnansweringStoreTests(ITestOutputHelper output) : IAsyncDisposable
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(300);

    // The machine is shared and busy (CI runs four test assemblies on two cores): timers and continuations may run
    // seconds late. The budget is long enough that an invocation held for the whole poll (the bug) still stands apart
    // from one released at MaxWait, however late.
    private static readonly TimeSpan PollBudget = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Lateness = TimeSpan.FromSeconds(3);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _held = [];
    private readonly RecordingLogger _logger = new();
    private readonly RecordingPollObserver _polls = new();
    private FaultConfigurationPoller? _poller;

    public async ValueTask DisposeAsync()
    {
        if (_poller is not null)
        {
            await _poller.DisposeAsync();
        }

        _listener.Stop();
        _held.ForEach(socket => socket.Dispose());
    }

    [Fact(Timeout = 60_000)]
    public async Task S3ThatNeverAnswers_HoldsAnInvocationNoLongerThanPollMaxWait_AndThePollEndsWithinItsBudget()
    {
        var endpoint = StartSilentServer();
        var options = Options.Default("s3://fis-configs/FisConfigs/", slowSeconds: 2 * (int)PollBudget.TotalSeconds, hotSeconds: (int)PollBudget.TotalSeconds, maxWaitMilliseconds: (int)MaxWait.TotalMilliseconds) with
        {
            S3 = new S3Connection("us-east-1", endpoint, new AwsAccessKeys("AKIDEXAMPLE", "secret", null)),
        };
        var store = new S3FaultConfigurationStore(new S3RestClient(options.S3, TimeProvider.System), new S3ConfigurationLocation("fis-configs", "FisConfigs/"), "my-function");
        _poller = new FaultConfigurationPoller(store, options, TimeProvider.System, _logger, _polls);

        // The first poll warms the S3 client up (the test runs JIT-compiled; the extension is NativeAOT).
        await _poller.StartAsync(CancellationToken.None);
        var first = _poller.PollInFlight;
        await first;
        // The invocation comes as the timer starts the next poll: a fixed sleep to its due time could wake after that
        // poll had ended, and then the invocation would wait for nothing.
        var giveUp = DateTime.UtcNow + options.SlowPollInterval * 3;
        while (_poller.PollInFlight == first && DateTime.UtcNow < giveUp)
        {
            await Task.Delay(1);
        }

        Assert.True(_poller.PollInFlight != first, "the timer did not start the next poll");

        var invocation = Stopwatch.StartNew();
        await _poller.OnInvocationAsync(CancellationToken.None);
        invocation.Stop();
        await _poller.PollInFlight;

        // The poll's length as the poller measured it from its own start: its timer can start it a little before the
        // invocation arrives (both fall due at the same moment), so a stopwatch started by the test would cut it short.
        var poll = Assert.Single(_polls.Outcomes.Skip(1)).Latency;
        output.WriteLine($"invocation waited {invocation.Elapsed.TotalMilliseconds:F0} ms (max {MaxWait.TotalMilliseconds} ms); poll ended after {poll.TotalMilliseconds:F0} ms (budget {PollBudget.TotalMilliseconds} ms)");
        Assert.InRange(invocation.Elapsed, MaxWait - TimeSpan.FromMilliseconds(20), MaxWait + Lateness);
        Assert.InRange(poll, PollBudget - TimeSpan.FromMilliseconds(20), PollBudget + Lateness);
        Assert.Equal(2, _logger.Messages(303).Count(m => m.StartsWith("failed to retrieve active fault configurations: timeout.", StringComparison.Ordinal)));
        Assert.NotEmpty(_held);
    }

    private string StartSilentServer()
    {
        _listener.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var socket = await _listener.AcceptSocketAsync();
                    lock (_held)
                    {
                        _held.Add(socket);
                    }
                }
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                // The listener was stopped at the end of the test.
            }
        });
        return $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
    }
}
