namespace FisExtension.Experiments.Tests.Harness;

/// <summary>
/// Captures what fisctl prints and when each line was printed, so a test can place a step the runner reports after
/// doing it ("  wrote …", "  deleted …") on the same clock as the load's requests.
/// </summary>
public sealed class TimestampedStringWriter(TimeProvider time) : StringWriter
{
    private readonly List<(DateTimeOffset At, string Line)> _lines = [];

    public IReadOnlyList<(DateTimeOffset At, string Line)> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    // StringWriter's WriteLineAsync(string) writes through WriteLine(string), so fisctl's lines all pass here.
    public override void WriteLine(string? value)
    {
        lock (_lines)
        {
            _lines.Add((time.GetUtcNow(), value ?? ""));
        }

        base.WriteLine(value);
    }
}
