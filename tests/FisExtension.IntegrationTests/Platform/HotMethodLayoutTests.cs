using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Platform;

/// <summary>
/// The published extension lays out the methods of src/FisExtension/hot-methods.txt (IlcOrderFile) before every
/// other method, so the code a function runs shares few pages. A binary built without the order, or with an order
/// that names methods the code no longer has, would still work and only cost RSS: this is what catches it.
/// </summary>
public sealed class HotMethodLayoutTests
{
    private static string OrderFile => Path.Combine(RepositoryPaths.Root, "src", "FisExtension", "hot-methods.txt");

    private static string DebugFile => Path.Combine(RepositoryPaths.Root, "artifacts", "publish", "FisExtension", "release_linux-x64", "fis-extension.dbg");

    [Fact]
    public void HotMethods_ComeBeforeEveryOtherMethod_InThePublishedBinary()
    {
        var listed = new HashSet<string>(File.ReadLines(OrderFile), StringComparer.Ordinal);
        var methods = ManagedCodeSymbols.Read(DebugFile).Methods.ToList();

        var hot = methods.Where(m => m.Names.Any(listed.Contains)).ToList();
        var endOfHot = hot.Max(m => m.End);
        var coldAmongHot = methods.Where(m => m.Start < endOfHot && !m.Names.Any(listed.Contains)).Select(m => m.Names[0]).ToList();
        Assert.True(coldAmongHot.Count == 0, $"{coldAmongHot.Count} unlisted methods lie among the listed ones, e.g. {string.Join(", ", coldAmongHot.Take(5))}: is IlcOrderFile set?");
        // The hot region is small against the whole managed code, which is what the layout is for.
        var hotBytes = endOfHot - methods.Min(m => m.Start);
        var allBytes = methods.Max(m => m.End) - methods.Min(m => m.Start);
        Assert.True(hotBytes * 3 < allBytes, $"hot methods span {hotBytes:N0} of {allBytes:N0} bytes");
    }

    [Fact]
    public void HotMethodOrder_NamesMethodsTheBinaryHas()
    {
        var names = new HashSet<string>(ManagedCodeSymbols.Read(DebugFile).Methods.SelectMany(m => m.Names), StringComparer.Ordinal);
        var listed = File.ReadAllLines(OrderFile);

        var missing = listed.Where(name => !names.Contains(name)).ToList();
        // A few names come and go with timing (a timer that fired or not during the profile); many missing means the
        // code changed under the order. 5 % missing costs up to that many scattered methods, each a 64 KiB fault-around.
        Assert.True(missing.Count * 20 <= listed.Length,
            $"{missing.Count} of the {listed.Length} methods in hot-methods.txt are not in the binary (e.g. {string.Join(", ", missing.Take(5))}): run scripts/profile-layout.sh");
    }
}
