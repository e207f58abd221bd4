using System.Diagnostics;
using System.Globalization;

namespace FisExtension.Tests.Shared;

/// <summary>
/// The managed code of a published NativeAOT binary by address: every symbol of its <c>__managedcode</c> section
/// (ILC's names, the ones its order file takes; the unboxing stubs' 16 KB section is not ordered), read with binutils from the <c>.dbg</c>
/// file that <c>StripSymbols</c> leaves beside the binary, and the binary's entry point. Used by the bench's layout
/// profile and by the test that the profile's order took effect.
/// </summary>
internal sealed class ManagedCodeSymbols
{
    private const string ManagedCodeSection = "__managedcode";

    private readonly (ulong Start, ulong End, string[] Names)[] _symbols;

    private ManagedCodeSymbols((ulong, ulong, string[])[] symbols, ulong entryPoint)
    {
        _symbols = symbols;
        EntryPoint = entryPoint;
    }

    /// <summary>The entry point's offset in the image (ELF <c>e_entry</c>; the binary is position-independent).</summary>
    public ulong EntryPoint { get; }

    /// <summary>Each method body by address, with every name it has.</summary>
    public IEnumerable<(ulong Start, ulong End, string[] Names)> Methods => _symbols;

    public static ManagedCodeSymbols Read(string debugFile)
    {
        var sections = Run("readelf", "-SW", debugFile).Split('\n')
            .Select(line => line.Replace("[ ", "[", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 5 && fields[0].StartsWith('[') && fields[0] != "[Nr]")
            .Select(fields => (Name: fields[1], Address: Hex(fields[3]), Size: Hex(fields[5])))
            .ToList();
        var managed = sections.Where(s => s.Name == ManagedCodeSection).ToList();
        if (managed.Count == 0)
        {
            throw new InvalidOperationException($"{debugFile} has no {ManagedCodeSection} section: is it the .dbg of a NativeAOT binary?");
        }

        var entry = Run("readelf", "-hW", debugFile).Split('\n').Single(l => l.Contains("Entry point address:", StringComparison.Ordinal));
        // Several names at one address are identical method bodies that ILC folded into one.
        var byAddress = new SortedDictionary<ulong, (ulong Size, List<string> Names)>();
        foreach (var line in Run("nm", "-n", "-S", "--defined-only", debugFile).Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 4 || fields[2] is not ("t" or "T"))
            {
                continue;
            }

            var address = Hex(fields[0]);
            if (!managed.Any(s => address >= s.Address && address < s.Address + s.Size))
            {
                continue;
            }

            var size = Hex(fields[1]);
            if (byAddress.TryGetValue(address, out var known))
            {
                known.Names.Add(fields[3]);
                byAddress[address] = (Math.Max(known.Size, size), known.Names);
            }
            else
            {
                byAddress[address] = (size, [fields[3]]);
            }
        }

        return new ManagedCodeSymbols(
            [.. byAddress.Select(pair => (pair.Key, pair.Key + Math.Max(pair.Value.Size, 1), pair.Value.Names.ToArray()))],
            Hex(entry[(entry.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()));
    }

    /// <summary>The GNU build id of an ELF file, which a binary and the <c>.dbg</c> file of its symbols share.</summary>
    public static string BuildId(string elfFile)
    {
        const string Label = "Build ID:";
        var line = Run("readelf", "-n", elfFile).Split('\n').FirstOrDefault(l => l.Contains(Label, StringComparison.Ordinal));
        return line?[(line.IndexOf(Label, StringComparison.Ordinal) + Label.Length)..].Trim()
            ?? throw new InvalidOperationException($"{elfFile} has no GNU build id");
    }

    /// <summary>The names of the symbol whose code holds this image offset, or none outside managed code.</summary>
    public string[] At(ulong offset)
    {
        int low = 0, high = _symbols.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (offset < _symbols[middle].Start)
            {
                high = middle - 1;
            }
            else if (offset >= _symbols[middle].End)
            {
                low = middle + 1;
            }
            else
            {
                return _symbols[middle].Names;
            }
        }

        return [];
    }

    private static ulong Hex(string text) =>
        ulong.Parse(text.StartsWith("0x", StringComparison.Ordinal) ? text[2..] : text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} could not be started");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {errors.Result}");
    }
}
