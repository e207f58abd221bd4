using System.Globalization;

namespace FisExtension.Benchmarks;

/// <summary>Command-line settings; every default is what <c>scripts/bench.sh</c> is meant to run.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        fis-bench [options]
          --only PARTS         comma-separated subset of size,versus,startup,memory,latency,delay,percentage (default: all)
          --rust PATH          the Rust reference proxy binary for the versus part (scripts/bench.sh builds it)
          --candidate PATH     a second fis-extension build measured beside the first in the versus part (A/B in one run)
          --candidate-env NAME=VALUE  extra environment variable for the candidate only, repeatable
          --soak N             1 MiB invocations of the versus part's memory soak (default: 10000)
          --binary PATH        what Lambda starts: the layer's launcher (default: artifacts/layer/x86_64/extensions/fis-extension), or an extension binary started directly
          --layer PATH         the layer zip (default: artifacts/layer/fis-extension-x86_64.zip)
          --out DIR            where results.md and results.json go (default: artifacts/bench)
          --starts N           measured cold starts (default: 20)
          --pairs N            measured GET+POST pairs each way with a 1 KiB body (default: 2000)
          --large-pairs N      measured pairs each way with a 1 MiB body (default: 2000)
          --block N            pairs per alternating direct/proxied block (default: 200)
          --warmup N           unmeasured pairs each way before measuring (default: 500)
          --delay-ms N         startupDelayMilliseconds of the injected delay (default: 200)
          --delays N           measured delayed invocations, and as many without faults (default: 300)
          --invocations N      invocations per run of the 25 % invocation error (default: 10000)
          --seed N             AWS_FIS_RANDOM_SEED of the seeded percentage run (default: 42)
          --env NAME=VALUE     extra environment variable for the extension, repeatable (e.g. DOTNET_GCgen0size=200000: GC values are bare hex digits, a 0x prefix is ignored)
        """;

    public BenchPart Parts { get; init; } = BenchPart.All;

    public string BinaryPath { get; init; } = "artifacts/layer/x86_64/extensions/fis-extension";

    public string LayerPath { get; init; } = "artifacts/layer/fis-extension-x86_64.zip";

    public string OutputDirectory { get; init; } = "artifacts/bench";

    public int ColdStarts { get; init; } = 20;

    public int SmallPairs { get; init; } = 2000;

    public int LargePairs { get; init; } = 2000;

    public int BlockSize { get; init; } = 200;

    public int WarmupPairs { get; init; } = 500;

    public int DelayMilliseconds { get; init; } = 200;

    public int Delays { get; init; } = 300;

    public int PercentageInvocations { get; init; } = 10_000;

    public int Seed { get; init; } = 42;

    public string? RustBinaryPath { get; init; }

    public int SoakInvocations { get; init; } = 10_000;

    public string? CandidateBinaryPath { get; init; }

    public IReadOnlyDictionary<string, string> CandidateEnvironment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> ExtensionEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message on a bad one.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            options = name switch
            {
                "--only" => options with { Parts = ParseParts(Value()) },
                "--binary" => options with { BinaryPath = Value() },
                "--layer" => options with { LayerPath = Value() },
                "--out" => options with { OutputDirectory = Value() },
                "--starts" => options with { ColdStarts = Positive(name, Value()) },
                "--pairs" => options with { SmallPairs = Positive(name, Value()) },
                "--large-pairs" => options with { LargePairs = Positive(name, Value()) },
                "--block" => options with { BlockSize = Positive(name, Value()) },
                "--warmup" => options with { WarmupPairs = Positive(name, Value()) },
                "--delay-ms" => options with { DelayMilliseconds = Positive(name, Value()) },
                "--delays" => options with { Delays = Positive(name, Value()) },
                "--invocations" => options with { PercentageInvocations = Positive(name, Value()) },
                "--seed" => options with { Seed = Positive(name, Value()) },
                "--rust" => options with { RustBinaryPath = Value() },
                "--candidate" => options with { CandidateBinaryPath = Value() },
                "--candidate-env" => options with { CandidateEnvironment = WithVariable(options.CandidateEnvironment, Value()) },
                "--soak" => options with { SoakInvocations = Positive(name, Value()) },
                "--env" => options with { ExtensionEnvironment = WithVariable(options.ExtensionEnvironment, Value()) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }

        return options;
    }

    private static BenchPart ParseParts(string value)
    {
        var parts = BenchPart.None;
        foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            parts |= name.ToUpperInvariant() switch
            {
                "SIZE" or "SIZES" => BenchPart.Size,
                "VERSUS" => BenchPart.Versus,
                "STARTUP" => BenchPart.Startup,
                "MEMORY" or "RSS" => BenchPart.Memory,
                "LATENCY" => BenchPart.Latency,
                "DELAY" => BenchPart.Delay,
                "PERCENTAGE" => BenchPart.Percentage,
                _ => throw new ArgumentException($"--only: '{name}' is not one of size, versus, startup, memory, latency, delay, percentage"),
            };
        }

        return parts == BenchPart.None ? throw new ArgumentException("--only selects nothing") : parts;
    }

    private static Dictionary<string, string> WithVariable(IReadOnlyDictionary<string, string> environment, string assignment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--env takes NAME=VALUE, not '{assignment}'");
        }

        return new Dictionary<string, string>(environment) { [assignment[..equals]] = assignment[(equals + 1)..] };
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'");
}
