using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Platform;

/// <summary>
/// The published extension lays out the methods of src/FisExtension/hot-methods.txt (IlcOrderFile) before every
/// other method, for both architectures, so the code a function runs shares few pages. A binary built without the
/// order, or with an order that names methods the code no longer has, would still work and only cost RSS: this is
/// what catches it.
/// </summary>
public sealed class HotMethodLayoutTests
{
    [Theory]
    [InlineData("x86_64")]
    [InlineData("arm64")]
    public void HotMethods_ComeBeforeEveryOtherMethod_InThePublishedBinary(string architecture)
    {
        var listed = new HashSet<string>(File.ReadLines(RepositoryPaths.HotMethods), StringComparer.Ordinal);
        var methods = ShippedMethods(architecture);

        var hot = methods.Where(m => m.Names.Any(listed.Contains)).ToList();
        Assert.NotEmpty(hot);
        var endOfHot = hot.Max(m => m.End);
        var coldAmongHot = methods.Where(m => m.Start < endOfHot && !m.Names.Any(listed.Contains)).Select(m => m.Names[0]).ToList();
        Assert.True(coldAmongHot.Count == 0, $"{coldAmongHot.Count} unlisted methods lie among the listed ones, e.g. {string.Join(", ", coldAmongHot.Take(5))}: is IlcOrderFile set, and was the binary published after the list last changed?");
        // The hot region is small against the whole managed code, which is what the layout is for.
        var hotBytes = endOfHot - methods.Min(m => m.Start);
        var allBytes = methods.Max(m => m.End) - methods.Min(m => m.Start);
        Assert.True(hotBytes * 3 < allBytes, $"hot methods span {hotBytes:N0} of {allBytes:N0} bytes");
    }

    [Theory]
    [InlineData("x86_64")]
    [InlineData("arm64")]
    public void HotMethodOrder_NamesMethodsTheBinaryHas(string architecture)
    {
        var names = new HashSet<string>(ShippedMethods(architecture).SelectMany(m => m.Names), StringComparer.Ordinal);
        var listed = File.ReadAllLines(RepositoryPaths.HotMethods);

        var missing = listed.Where(name => !names.Contains(name)).ToList();
        // The list comes from the x86_64 build, and a few names differ by architecture (about 1 % on arm64); many
        // missing means the code changed under the list. Each missing method may cost a 64 KiB block of RSS.
        Assert.True(missing.Count * 20 <= listed.Length,
            $"{missing.Count} of the {listed.Length} methods in hot-methods.txt are not in the binary (e.g. {string.Join(", ", missing.Take(5))}): run scripts/profile-layout.sh");
    }

    /// <summary>The managed methods of the layer's binary, read from the symbols of the same build (same build id).</summary>
    private static List<(ulong Start, ulong End, string[] Names)> ShippedMethods(string architecture)
    {
        var (binary, symbols) = RepositoryPaths.ExtensionWithSymbols(architecture);
        Assert.Equal(ManagedCodeSymbols.BuildId(binary), ManagedCodeSymbols.BuildId(symbols));
        return [.. ManagedCodeSymbols.Read(symbols).Methods];
    }
}
