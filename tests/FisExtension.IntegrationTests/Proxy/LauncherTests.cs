using System.Runtime.Versioning;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Proxy;

/// <summary>
/// The layer's <c>extensions/fis-extension</c> is a launcher: it binds the proxy port, registers and execs
/// <c>aws-fis/fis-extension</c> in the same process, so that registration, which every cold start waits for, does
/// not wait for the extension's own start-up. The other tests all run through it; these pin what is its own.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LauncherTests
{
    [Fact(Timeout = 60_000)]
    public async Task TheProcessLambdaStarted_BecomesTheExtension_AndServesTheRuntimeThroughTheProxy()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPlaunch1", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object> { ["preventExecution"] = "true" });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults));

        var failed = await harness.Emulator.InvokeAsync(Json.Event(("action", "echo"), ("markerFile", marker.Path)));

        Assert.Equal("FisInjectedError", Json.String(failed.Payload, "errorType"));
        Assert.Empty(marker.RequestIds);
        // The process started as <opt>/extensions/fis-extension (the launcher) now runs the extension's binary.
        var executable = new FileInfo(Path.Combine(ExtensionProcess.Directory(harness), "exe")).LinkTarget;
        Assert.Equal(RepositoryPaths.ExtensionBinary, executable);
        var registered = Assert.Single(harness.ExtensionLogs(), line => line.Contains("registered as fis-extension", StringComparison.Ordinal));
        Assert.Contains("with id ", registered, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task StartedDirectly_TheExtensionBindsAndRegistersItself()
    {
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPlaunch2", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object> { ["preventExecution"] = "true" });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults) with { ExtensionExecutable = RepositoryPaths.RequireExtensionBinary() });

        var failed = await harness.Emulator.InvokeAsync(Json.Event(("action", "echo"), ("markerFile", marker.Path)));

        Assert.Equal("FisInjectedError", Json.String(failed.Payload, "errorType"));
        Assert.Empty(marker.RequestIds);
        Assert.True(await harness.ExtensionLoggedAsync("registered as fis-extension"));
    }

    [Fact(Timeout = 60_000)]
    public async Task AHandoffVariableInTheFunctionsEnvironment_DoesNotMakeTheExtensionSkipRegistering()
    {
        // A port value the launcher leaves to the extension ("00" before the digits: the extension reads the same
        // port, the launcher only plain values of up to five digits), so the extension registers itself. A stale or
        // planted registration id in the environment must not stand in for that.
        var port = FreePort.Next();
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions
        {
            Environment = new Dictionary<string, string>
            {
                ["AWS_FIS_PROXY_LISTENER_PORT"] = "00" + port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["_AWS_FIS_EXTENSION_ID"] = "planted-id",
            },
        });
        using var runtime = new RuntimeClient(harness.Emulator.RuntimeApiAddress);

        var init = harness.Emulator.InitializeAsync();
        _ = runtime.EchoOneAsync();
        var result = await init;

        Assert.True(result.Succeeded, result.ErrorMessage);
        var registered = Assert.Single(harness.ExtensionLogs(), line => line.Contains("registered as fis-extension with id ", StringComparison.Ordinal));
        Assert.DoesNotContain("planted-id", registered, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task StartedWithStandardInputClosed_TheExtensionServesOnTheSocketTheLauncherBound()
    {
        // A closed standard stream gives the launcher's socket its number (0); the extension does not adopt 0 to 2, so
        // the launcher must hand it over above them, or the port stays held by a socket nobody accepts on.
        using var layer = new TemporaryLayer();
        var launcher = layer.Add("launcher/fis-extension", RepositoryPaths.RequireLayerExtension());
        layer.Link("aws-fis/fis-extension", RepositoryPaths.RequireExtensionBinary());
        var started = layer.Script("extensions/fis-extension", $"exec -a \"$0\" '{launcher}' \"$@\" <&-");
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPlaunch4", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object> { ["preventExecution"] = "true" });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults) with { ExtensionExecutable = started });

        var failed = await harness.Emulator.InvokeAsync(Json.Event(("action", "echo"), ("markerFile", marker.Path)));

        Assert.Equal("FisInjectedError", Json.String(failed.Payload, "errorType"));
        Assert.Empty(marker.RequestIds);
        Assert.DoesNotContain(harness.ExtensionLogs(), line => line.Contains("could not listen", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task ExtensionStillStartingAfterTheProbesTwoSeconds_TheWrapperWaitsForIt_AndFaultsApply()
    {
        // The launcher registers at once, so the runtime's wrapper probes while the extension starts; on a starved CPU
        // (about 2 % of one) or under emulation that took more than the probe's 2 s. Here the extension starts 3 s late.
        using var layer = new TemporaryLayer();
        var launcher = layer.Add("extensions/fis-extension", RepositoryPaths.RequireLayerExtension());
        var slowExtension = layer.Script("aws-fis/fis-extension", $"sleep 3\nexec -a \"$0\" '{RepositoryPaths.RequireExtensionBinary()}' \"$@\"");
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPlaunch5", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object> { ["preventExecution"] = "true" });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults) with { ExtensionExecutable = launcher, AwsFisExtension = slowExtension });

        var failed = await harness.Emulator.InvokeAsync(Json.Event(("action", "echo"), ("markerFile", marker.Path)));

        Assert.Equal("FisInjectedError", Json.String(failed.Payload, "errorType"));
        Assert.Empty(marker.RequestIds);
        Assert.DoesNotContain(harness.Emulator.Logs, line => line.Contains("the FIS proxy is not available", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task PortHeldByAnotherProgram_TheExtensionRegistersUnderTheNameLambdaStartedItBy()
    {
        // The launcher cannot bind, so it leaves binding and registering to the extension, whose own file is
        // aws-fis/fis-extension: Lambda knows the extension by the name it started (here as a container image may
        // rename it), and waits for that name to register.
        // Bound, not listening: the wrapper's probe is refused at once, as the extension is running (bound to nothing)
        // and a listener that never answers would hold the runtime for the wrapper's longer wait.
        using var stranger = new HeldPort(listen: false);
        using var marker = new MarkerFile();
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions
        {
            RuntimeCommand = [FaultFunctions.ShellRuntime],
            TaskRoot = Path.GetDirectoryName(FaultFunctions.ShellRuntime)!,
            ExtensionFileName = "chaos-kit",
            Environment = stranger.AsProxyPort(),
        });
        var payload = Json.Event(("action", "echo"), ("markerFile", marker.Path));

        var result = await harness.Emulator.InvokeAsync(payload);

        Assert.Null(result.FunctionError);
        Assert.Equal(payload, result.Payload);
        Assert.Equal([result.RequestId], marker.RequestIds);
        Assert.True(await Eventually.TrueAsync(() => harness.Emulator.Logs.Any(line => line.Contains("registered as chaos-kit with id ", StringComparison.Ordinal))),
            "the extension did not log its registration as chaos-kit");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Text")]
    [InlineData("JSON")]
    public async Task WithoutTheExtensionBinary_TheLauncherSaysSo_AndTheFunctionRunsUntouched(string logFormat)
    {
        // A layer deployed without its aws-fis/fis-extension: only the launcher.
        using var layer = new TemporaryLayer();
        var launcher = layer.Add("extensions/fis-extension", RepositoryPaths.RequireLayerExtension());
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPlaunch3", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object> { ["preventExecution"] = "true" });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults) with { ExtensionExecutable = launcher, LogFormat = logFormat });
        var payload = Json.Event(("action", "echo"), ("markerFile", marker.Path));

        var result = await harness.Emulator.InvokeAsync(payload);
        var shutdown = await harness.Emulator.ShutdownAsync();

        Assert.Null(result.FunctionError);
        Assert.Equal(payload, result.Payload);
        Assert.Equal([result.RequestId], marker.RequestIds);
        // In the function's log format, as the extension writes its own lines.
        var said = Assert.Single(harness.ExtensionLogs(), line => line.Contains("is missing or not executable", StringComparison.Ordinal));
        var message = logFormat == "JSON" ? Json.String(System.Text.Encoding.UTF8.GetBytes(said[said.IndexOf('{', StringComparison.Ordinal)..]), "fields", "message") : said[said.IndexOf("AWS FIS", StringComparison.Ordinal)..];
        Assert.StartsWith(
            $"AWS FIS EXTENSION - {Path.Combine(layer.Root, "aws-fis", "fis-extension")} is missing or not executable: no fault is injected", message, StringComparison.Ordinal);
        // The port was never taken, so the wrapper kept the original endpoint at once.
        Assert.Contains(harness.Emulator.Logs, line => line.Contains("the FIS proxy is not available: nothing listens on", StringComparison.Ordinal));
        var extension = Assert.Single(shutdown.Extensions, e => e.Name == "fis-extension");
        Assert.False(extension.Killed, "the launcher did not exit on SHUTDOWN");
        Assert.Equal(0, extension.ExitCode);
    }
}
