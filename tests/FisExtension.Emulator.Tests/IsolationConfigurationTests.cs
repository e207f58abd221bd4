using FisExtension.Emulator.Configuration;
using FisExtension.Emulator.Isolation;
using FisExtension.Emulator.Stack;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>--isolation, --host-port and the stack file's hostPorts: read when right, every problem named when wrong.</summary>
public sealed class IsolationConfigurationTests
{
    [Fact]
    public void CommandLine_DefaultsToAuto_AndTakesAModeAndHostPorts()
    {
        var defaults = EmulatorCommandLine.Parse(["--handler", "app.run"]);
        var chosen = EmulatorCommandLine.Parse(["--isolation", "none", "--host-port", "4568", "--host-port", "5432"]);

        Assert.Equal(IsolationMode.Auto, defaults.Options.Isolation);
        Assert.Empty(defaults.Options.HostPorts);
        Assert.Equal(IsolationMode.None, chosen.Options.Isolation);
        Assert.Equal([4568, 5432], chosen.Options.HostPorts);
    }

    [Fact]
    public void CommandLine_UnknownModeAndBadHostPorts_AreEachNamedWithTheirFix()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            EmulatorCommandLine.Parse(["--isolation", "strict", "--host-port", "9001", "--host-port", "70000"]));

        Assert.Contains("--isolation strict is not a mode. Use auto, namespaces or none.", error.Message, StringComparison.Ordinal);
        Assert.Contains("--host-port 9001: use a whole number from 1 to 65535 other than 9001", error.Message, StringComparison.Ordinal);
        Assert.Contains("--host-port 70000: use a whole number from 1 to 65535 other than 9001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StackFile_ReadsHostPorts_AndNamesEachBadOne()
    {
        using var scratch = new TempDirectory();
        var good = scratch.File("good.json");
        var bad = scratch.File("bad.json");
        File.WriteAllText(good, """{ "functions": [{ "functionName": "f" }], "hostPorts": [4568] }""");
        File.WriteAllText(bad, """{ "functions": [{ "functionName": "f" }], "hostPorts": [0, "4568", 9001] }""");

        Assert.Equal([4568], StackDefinition.Load(good).HostPorts);
        var error = Assert.Throws<ConfigurationException>(() => StackDefinition.Load(bad));
        Assert.Contains("$.hostPorts[0] 0: use a whole number", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.hostPorts[1] the string \"4568\": use a whole number", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.hostPorts[2] 9001: use a whole number from 1 to 65535 other than 9001", error.Message, StringComparison.Ordinal);
    }
}
