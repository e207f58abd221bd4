namespace FisExtension.Benchmarks;

/// <summary>
/// Collects every line the extension printed that is not one of its four normal life-cycle lines, nor one of the
/// lines the fault parts cause on purpose, with a count, so that warnings and errors during a benchmark are
/// reported instead of lost.
/// </summary>
internal sealed class ExtensionOutputAudit
{
    private static readonly string[] ExpectedLines =
    [
        "AWS FIS EXTENSION - extension enabled ",
        "AWS FIS EXTENSION - proxy listening on ",
        "AWS FIS EXTENSION - registered as ",
        "AWS FIS EXTENSION - shutting down (spindown)",
        "AWS FIS EXTENSION - AWS_FIS_CONFIGURATION_LOCATION is not set: the extension injects no faults",
        "AWS FIS EXTENSION - polling directory ",
        "AWS FIS EXTENSION - found active faults: BENCH/",
        "AWS FIS EXTENSION - adding ",
        "AWS FIS EXTENSION - modifying the function response: injecting an invocation error (experiment BENCH, ",
    ];

    private readonly Dictionary<string, int> _unexpected = new(StringComparer.Ordinal);

    public int LinesSeen { get; private set; }

    public void Add(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            LinesSeen++;
            if (!ExpectedLines.Any(expected => line.StartsWith(expected, StringComparison.Ordinal)))
            {
                _unexpected[line] = _unexpected.GetValueOrDefault(line) + 1;
            }
        }
    }

    /// <summary>Each unexpected line once, prefixed with how often it appeared.</summary>
    public IReadOnlyList<string> Unexpected() =>
        [.. _unexpected.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Value}× {pair.Key}")];
}
