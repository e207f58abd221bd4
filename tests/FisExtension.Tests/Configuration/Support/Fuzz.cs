using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace FisExtension.Tests.Configuration.Support;

/// <summary>
/// Runs a property over generated cases and proves how many ran. The count per parser comes from
/// <c>FIS_FUZZ_CASES</c>: the ordinary test run keeps it small, the CI fuzz step (scripts/test.sh) sets 1,000,000.
/// </summary>
internal static class Fuzz
{
    public const string Category = "Fuzz";
    public const string CasesVariable = "FIS_FUZZ_CASES";
    private const long DefaultCasesPerParser = 16_000;

    public static long CasesPerParser { get; } =
        long.TryParse(Environment.GetEnvironmentVariable(CasesVariable), out var cases) && cases > 0 ? cases : DefaultCasesPerParser;

    public static void Run<T>(string name, Gen<T> cases, Action<T> property, long count, ITestOutputHelper output)
    {
        long ran = 0;
        var clock = Stopwatch.StartNew();
        cases.Sample(value =>
        {
            property(value);
            Interlocked.Increment(ref ran);
        }, iter: count);
        clock.Stop();

        output.WriteLine($"fuzz {name}: {ran:N0} cases in {clock.Elapsed.TotalSeconds:F1} s, no exception escaped");
        Assert.True(ran >= count, $"{ran} of {count} cases ran");
    }
}
