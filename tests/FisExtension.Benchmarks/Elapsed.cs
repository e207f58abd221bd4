using System.Diagnostics;

namespace FisExtension.Benchmarks;

/// <summary>Converts <see cref="Stopwatch.GetTimestamp"/> differences to the units the report uses.</summary>
internal static class Elapsed
{
    public static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    public static double Microseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMicroseconds;
}
