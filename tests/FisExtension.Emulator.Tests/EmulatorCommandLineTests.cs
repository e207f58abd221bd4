using FisExtension.Emulator.Configuration;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void Parse_TakesTheRuntimeCommandAfterTheDoubleDash()
    {
        var parsed = EmulatorCommandLine.Parse(["--name", "fn", "--env", "A=1=2", "--timeout", "5", "--no-freeze", "--max-concurrency", "2",
            "--invoke-port", "9999", "--", "node", "index.mjs", "--name"]);

        Assert.Equal("fn", parsed.Function.FunctionName);
        Assert.Equal(["node", "index.mjs", "--name"], parsed.Function.RuntimeCommand);
        Assert.Equal("1=2", parsed.Function.Environment["A"]);
        Assert.Equal(TimeSpan.FromSeconds(5), parsed.Function.Timeout);
        Assert.False(parsed.Options.Freeze);
        Assert.Equal(2, parsed.Options.MaxConcurrency);
        Assert.Equal(9999, parsed.Options.InvokePort);
        Assert.Equal(9001, parsed.Options.RuntimeApiPort);
    }

    [Fact]
    public void Parse_MakesARelativeRuntimePathAbsoluteAndLeavesBareNamesToPath()
    {
        var relativePath = Path.GetRelativePath(Directory.GetCurrentDirectory(), TestPaths.ShellRuntime);
        var relative = EmulatorCommandLine.Parse(["--", relativePath, "./arg"]);
        var bare = EmulatorCommandLine.Parse(["--", "node", "./arg"]);

        Assert.Equal([TestPaths.ShellRuntime, "./arg"], relative.Function.RuntimeCommand);
        Assert.Equal(["node", "./arg"], bare.Function.RuntimeCommand);
    }

    [Fact]
    public void Parse_WithoutARuntimeCommand_WaitsForAnExternalRuntime()
    {
        var parsed = EmulatorCommandLine.Parse(["--handler", "app.run"]);

        Assert.Null(parsed.Function.RuntimeCommand);
        Assert.Equal("app.run", parsed.Function.Handler);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--env", "NOEQUALS")]
    [InlineData("--timeout")]
    public void Parse_RejectsBadArgumentsWithAMessage(params string[] args)
    {
        var error = Assert.Throws<ConfigurationException>(() => EmulatorCommandLine.Parse(args));

        Assert.NotEmpty(error.Message);
    }
}
