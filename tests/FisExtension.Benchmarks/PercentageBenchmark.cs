using System.Globalization;

namespace FisExtension.Benchmarks;

/// <summary>
/// Invocations through an extension whose local configuration folder holds an invocation error at 25 % that lets
/// the handler run; the fake API tells, per request id, whether the result that reached it was the injected
/// error or the runtime's response.
/// </summary>
internal static class PercentageBenchmark
{
    private const double RequestedPercent = 25;
    private static readonly byte[] SmallBody = new byte[1024];

    /// <param name="seed">The extension's <c>AWS_FIS_RANDOM_SEED</c>, or null for an unseeded run.</param>
    public static async Task<PercentageResult> MeasureAsync(BenchOptions options, FakeLambdaApi api, ExtensionOutputAudit audit, int? seed)
    {
        using var folder = FaultConfigurationFolder.WithActiveFault(
            "aws:lambda:invocation-error",
            "error",
            new Dictionary<string, string> { ["invocationPercentage"] = RequestedPercent.ToString(CultureInfo.InvariantCulture), ["preventExecution"] = "false" });
        using var extension = await RunningExtension.StartAsync(api, folder.ConfigureExtension(options, seed), audit);
        using var runtime = new RuntimeLoopClient(extension.ProxyAddress);

        int hits = 0, responses = 0, otherOutcomes = 0;
        for (var i = 0; i < options.PercentageInvocations; i++)
        {
            if (await runtime.RunInvocationAsync(SmallBody) is not { } timing)
            {
                continue;
            }

            switch (api.TakeOutcome(timing.RequestId))
            {
                case InvocationOutcome.InjectedError:
                    hits++;
                    break;
                case InvocationOutcome.Response:
                    responses++;
                    break;
                default:
                    otherOutcomes++;
                    break;
            }
        }

        await extension.ShutdownAsync();

        var counted = hits + responses;
        var p = RequestedPercent / 100;
        var expectedHits = counted * p;
        var sigma = Math.Sqrt(counted * p * (1 - p));
        return new PercentageResult(
            seed,
            RequestedPercent,
            counted,
            hits,
            responses,
            otherOutcomes,
            counted == 0 ? 0 : 100.0 * hits / counted,
            expectedHits,
            sigma,
            sigma == 0 ? 0 : (hits - expectedHits) / sigma,
            runtime.Errors,
            runtime.FirstError);
    }
}
