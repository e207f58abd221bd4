using FisExtension.Emulator.Lifecycle;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

[Collection(ProcessWideEnvironment.Name)]
public sealed class ProcessEnvironmentsTests
{
    private static readonly FunctionDefinition Function = new()
    {
        FunctionName = "fn",
        Environment = new Dictionary<string, string> { ["AWS_LAMBDA_RUNTIME_API"] = "elsewhere:1", ["MINE"] = "x" },
    };

    [Fact]
    public void Credentials_ArePassedThroughFromTheEmulatorsEnvironmentToRuntimeAndExtensions()
    {
        var previous = Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "token-from-the-host");
        try
        {
            var runtime = ProcessEnvironments.ForRuntime(Function, new EmulatorOptions(), "127.0.0.1:9", "stream");
            var extension = ProcessEnvironments.ForExtension(Function, "127.0.0.1:9");

            Assert.Equal("token-from-the-host", runtime["AWS_SESSION_TOKEN"]);
            Assert.Equal("token-from-the-host", extension["AWS_SESSION_TOKEN"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", previous);
        }
    }

    [Fact]
    public void NothingElseOfTheEmulatorsEnvironmentLeaksIn()
    {
        var runtime = ProcessEnvironments.ForRuntime(Function, new EmulatorOptions(), "127.0.0.1:9", "stream");

        Assert.False(runtime.ContainsKey("HOME"));
        Assert.False(runtime.ContainsKey("DOTNET_ROOT"));
        Assert.Equal("x", runtime["MINE"]);
    }

    [Fact]
    public void TheFunctionCannotRedirectTheRuntimeApi()
    {
        var runtime = ProcessEnvironments.ForRuntime(Function, new EmulatorOptions(), "127.0.0.1:9", "stream");

        Assert.Equal("127.0.0.1:9", runtime["AWS_LAMBDA_RUNTIME_API"]);
    }
}
