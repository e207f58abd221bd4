namespace FisExtension.Emulator.Logging;

/// <summary>The function's log stream: every line kept in order and forwarded to the sink.</summary>
internal sealed class LogCollector(Action<string>? sink)
{
    private readonly List<string> _lines = [];
    private readonly Lock _gate = new();

    public void Write(string line)
    {
        lock (_gate)
        {
            _lines.Add(line);
            sink?.Invoke(line);
        }
    }

    /// <summary>Writes a line as a process wrote it, prefixed like <c>[runtime]</c> or <c>[extension:name]</c>.</summary>
    public Action<string> ForSource(string source) => line => Write($"[{source}] {line}");

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate) return [.. _lines];
    }
}
