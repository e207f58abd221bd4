using FisExtension.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace FisExtension.IntegrationTests.Wrapper;

/// <summary>
/// The layer's wrapper always starts the runtime: whatever holds the proxy port, the runtime runs within a bounded
/// time, and gets the proxy's address only when the FIS extension itself answered there. Each stranger is a real
/// loopback listener, met many times so that a race between its close or reset and the wrapper's write shows.
/// </summary>
public sealed class WrapperStrangerTests(ITestOutputHelper output)
{
    // The wrapper's whole probe gets 2 s (_aws_fis_probe_seconds in layer/aws-fis/bootstrap); the rest is room for starting
    // bash and the runtime under CI-like load (3 s of it was not enough). A wrapper that waits on a stranger instead
    // of giving up waits for minutes (SYN retransmits, a never-ending read), far beyond it.
    private static readonly TimeSpan ProbeBudget = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Bound = ProbeBudget + TimeSpan.FromSeconds(10);

    // Strangers that never answer use up the whole probe budget: their tries run this many side by side (ten at once
    // added ten bash processes to a loaded machine).
    private const int NeverAnsweringSideBySide = 5;

    public static TheoryData<StrangerBehaviour, int, string> Strangers => new()
    {
        { StrangerBehaviour.Nothing, 40, "nothing listens on" },
        { StrangerBehaviour.ClosesAtOnce, 40, "did not answer as the FIS proxy" },
        { StrangerBehaviour.ResetsAtOnce, 40, "did not answer as the FIS proxy" },
        { StrangerBehaviour.ResetsAfterReading, 40, "did not answer as the FIS proxy" },
        { StrangerBehaviour.AnswersGarbage, 40, "did not answer as the FIS proxy" },
        { StrangerBehaviour.AnswersHttpWithoutIdentity, 40, "did not answer as the FIS proxy" },
        { StrangerBehaviour.SpeaksTls, 40, "did not answer as the FIS proxy" },
        { StrangerBehaviour.NeverAnswers, 10, "answered within 2 s" },
        { StrangerBehaviour.NeverAccepts, 10, "answered within 2 s" },
    };

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Strangers))]
    public async Task StrangerOnTheProxyPort_TheRuntimeStartsInBoundedTime_WithTheOriginalEndpoint(StrangerBehaviour behaviour, int tries, string reason)
    {
        await using var stranger = new PortStranger(behaviour);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        await stranger.WarmUpAsync(timeout.Token);
        var metInWarmUp = stranger.Connections;

        var together = behaviour is StrangerBehaviour.NeverAnswers or StrangerBehaviour.NeverAccepts ? NeverAnsweringSideBySide : 1;
        var runs = await RunTheWrapperAsync(stranger.Port, tries, together, timeout.Token);

        var failures = runs.Where(run => run.ExitCode != 0
            || run.RuntimeEndpoint != WrapperRun.OriginalEndpoint
            || run.Elapsed >= Bound
            || !run.WrapperMessage.StartsWith("AWS FIS EXTENSION - the FIS proxy is not available: ", StringComparison.Ordinal)
            || !run.WrapperMessage.Contains(reason, StringComparison.Ordinal)
            || run.WrapperMessage.Contains('\n', StringComparison.Ordinal)).ToList();
        var summary = $"{behaviour}: {tries} tries, {failures.Count} failed, slowest {runs.Max(r => r.Elapsed).TotalMilliseconds:F0} ms";
        output.WriteLine(summary);
        Assert.True(failures.Count == 0, $"{summary}; first failure: {failures.FirstOrDefault()}");
        if (behaviour is not (StrangerBehaviour.Nothing or StrangerBehaviour.NeverAccepts))
        {
            // The stranger really was met, every time.
            Assert.True(stranger.Connections - metInWarmUp >= tries, $"{stranger.Connections - metInWarmUp} connections for {tries} tries");
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task TheFisProxyOnThePort_EveryTryGivesTheRuntimeTheProxyEndpoint()
    {
        const int tries = 30;
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions
        {
            RuntimeCommand = [Path.Combine(RepositoryPaths.Functions, "env-runtime", "bootstrap")],
            Freeze = false,  // the wrapper runs between invocations: the proxy must not be frozen then
        });
        var invocation = await harness.Emulator.InvokeAsync("{}"u8.ToArray());
        Assert.Null(invocation.FunctionError);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(100));

        var runs = await RunTheWrapperAsync(harness.ProxyPort, tries, together: 1, timeout.Token);

        var failures = runs.Where(run => run.ExitCode != 0 || run.RuntimeEndpoint != harness.ProxyAddress || run.WrapperMessage.Length > 0).ToList();
        var summary = $"FIS proxy: {tries} tries, {failures.Count} failed, slowest {runs.Max(r => r.Elapsed).TotalMilliseconds:F0} ms";
        output.WriteLine(summary);
        Assert.True(failures.Count == 0, $"{summary}; first failure: {failures.FirstOrDefault()}");
    }

    private static async Task<List<WrapperRun>> RunTheWrapperAsync(int port, int tries, int together, CancellationToken cancellationToken)
    {
        var runs = new List<WrapperRun>();
        for (var started = 0; started < tries; started += together)
        {
            var batch = Enumerable.Range(0, Math.Min(together, tries - started))
                .Select(_ => WrapperRun.StartAsync(port, RepositoryPaths.Wrapper, cancellationToken));
            runs.AddRange(await Task.WhenAll(batch));
        }

        return runs;
    }
}
