using System.Globalization;

namespace FisExtension.Benchmarks;

/// <summary>
/// qemu-user's <c>-d in_asm</c> log: qemu translates each block of guest code the first time it runs and logs it as
/// an <c>IN:</c> line followed by its instructions, the first line starting with the block's address. So the log
/// names every piece of code the program ran, in the order it first ran, exactly (a sampling profiler misses what
/// runs once, briefly).
/// </summary>
internal static class QemuTranslationLog
{
    public static IEnumerable<ulong> BlockAddresses(string path)
    {
        var blockStarts = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("IN:", StringComparison.Ordinal))
            {
                blockStarts = true;
            }
            else if (blockStarts && line.StartsWith("0x", StringComparison.Ordinal) && line.IndexOf(':', StringComparison.Ordinal) is > 2 and var colon)
            {
                blockStarts = false;
                yield return ulong.Parse(line.AsSpan(2, colon - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Where the program was loaded: the address at which its entry point ran, less the entry point's offset.
    /// qemu loads a position-independent binary at a page-aligned base of its choosing.</summary>
    public static ulong LoadBase(IReadOnlyList<ulong> blocks, ManagedCodeSymbols binary)
    {
        const ulong PageMask = 0xfff;
        var candidates = blocks.Where(a => a >= binary.EntryPoint && ((a - binary.EntryPoint) & PageMask) == 0).Select(a => a - binary.EntryPoint).Distinct();
        // Of the bases at which some block sits on the entry point, the one that puts the most blocks in managed code.
        var best = candidates.Select(b => (Base: b, Managed: blocks.Count(a => a >= b && binary.At(a - b).Length > 0)))
            .OrderByDescending(c => c.Managed).FirstOrDefault();
        return best.Managed > 0 ? best.Base : throw new InvalidOperationException("the log shows no block at the binary's entry point: was it the log of this binary?");
    }
}
