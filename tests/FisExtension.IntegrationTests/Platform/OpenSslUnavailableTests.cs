using System.Runtime.Versioning;
using System.Text;
using FisExtension.IntegrationTests.Configuration;
using FisExtension.IntegrationTests.Faults;
using FisExtension.IntegrationTests.Harness;
using FisExtension.Tests.Configuration.Support;

namespace FisExtension.IntegrationTests.Platform;

/// <summary>
/// The extension where .NET finds no usable OpenSSL (Amazon Linux 2): an S3 location gives one clear line and a clean
/// passthrough instead of the abort .NET's first cryptographic call would cause; a folder location still works.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class OpenSslUnavailableTests
{
    private const string Problem = "needs OpenSSL 1.1.1 or later";

    [Fact(Timeout = 60_000)]
    public async Task S3Location_WithoutLibSsl_OneLine_AndTheFunctionRunsUntouched()
    {
        using var launcher = new LibSslHiddenLauncher();
        Assert.NotEmpty(launcher.Hidden);
        await using var s3rver = await S3rverProcess.StartAsync();
        await S3ConfigurationEndToEndTests.PutFaultAsync(s3rver.Endpoint, "aws:lambda:invocation-error", """{"preventExecution":"true","invocationPercentage":"100"}""");
        await using var harness = await ExtensionHarness.StartAsync(
            new HarnessOptions
            {
                ExtensionExecutable = launcher.Path,
                Environment = S3ConfigurationEndToEndTests.S3Environment(s3rver.Endpoint, S3rverProcess.Credential),
            },
            S3ConfigurationEndToEndTests.FunctionName);
        using var runtime = harness.RuntimeThroughProxy();

        var invoke = harness.Emulator.InvokeAsync("""{"n":1}"""u8.ToArray());
        var next = await runtime.EchoOneAsync();
        var result = await invoke;

        // The active error fault in S3 was not injected: the handler got the event and its answer came back.
        Assert.Null(result.FunctionError);
        Assert.Equal("""{"n":1}""", Encoding.UTF8.GetString(result.Payload));
        Assert.Equal(result.RequestId, next.RequestId);
        Assert.True(await harness.ExtensionLoggedAsync("AWS_FIS_CONFIGURATION_LOCATION"), "the extension did not say what is wrong with the location");
        var lines = ExtensionOutput.Lines(harness);
        var problem = Assert.Single(lines, l => l.Contains("AWS_FIS_CONFIGURATION_LOCATION", StringComparison.Ordinal));
        Assert.Contains(Problem, problem, StringComparison.Ordinal);
        Assert.Contains("tried libssl.so.3, libssl.so.1.1", problem, StringComparison.Ordinal);

        // It never crashed: it is still there to take SHUTDOWN and exits cleanly.
        var shutdown = await harness.Emulator.ShutdownAsync();
        var extension = Assert.Single(shutdown.Extensions);
        Assert.False(extension.Killed);
        Assert.Equal(0, extension.ExitCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task FolderLocation_WithoutLibSsl_StillInjectsFaults()
    {
        using var launcher = new LibSslHiddenLauncher();
        using var faults = new FaultObjectWriter();
        using var marker = new MarkerFile();
        faults.WriteActive("EXPnossl", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object> { ["preventExecution"] = "true" });
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.Shell(faults) with { ExtensionExecutable = launcher.Path });

        var failed = await harness.Emulator.InvokeAsync(Json.Event(("action", "echo"), ("markerFile", marker.Path)));

        InvocationErrorTests.AssertInjectedError(failed, "EXPnossl", "inject-error");
        Assert.Empty(marker.RequestIds);
        Assert.DoesNotContain(ExtensionOutput.Lines(harness), l => l.Contains(Problem, StringComparison.Ordinal));
    }
}
