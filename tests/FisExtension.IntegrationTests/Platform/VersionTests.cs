using System.Text.RegularExpressions;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Platform;

/// <summary>One version number, from Directory.Build.props, tells a user which layer a function runs.</summary>
public sealed partial class VersionTests
{
    [Fact(Timeout = 60_000)]
    public async Task TheVersionOfDirectoryBuildProps_IsInTheFirstLogLine_TheLayerZipsName_AndTheChangelog()
    {
        var props = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var version = VersionElement().Match(props).Groups[1].Value;
        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions());
        using var runtime = harness.RuntimeThroughProxy();

        var init = harness.Emulator.InitializeAsync();
        _ = runtime.EchoOneAsync();
        Assert.True((await init).Succeeded);

        Assert.True(await Eventually.TrueAsync(() => ExtensionOutput.Lines(harness).Count > 0));
        Assert.Equal($"AWS FIS EXTENSION - extension enabled {version}", ExtensionOutput.Lines(harness)[0]);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "artifacts", "layer", $"fis-extension-{version}-x86_64.zip")), "scripts/build-layer.sh names the zip with the version");
        Assert.Contains($"## [{version}]", await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "CHANGELOG.md")), StringComparison.Ordinal);
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionElement();
}
