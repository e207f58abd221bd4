using FisExtension.Emulator.Configuration;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

public sealed class FunctionDefinitionTests
{
    [Fact]
    public void Load_ReadsEveryFieldAndResolvesPathsAgainstTheFile()
    {
        using var scratch = new TempDirectory();
        scratch.AddExecutable("bootstrap", "#!/bin/sh\n");
        Directory.CreateDirectory(scratch.File("layer"));
        Directory.CreateDirectory(scratch.File("app"));
        var file = scratch.File("function.json");
        File.WriteAllText(file, """
            {
              "functionName": "orders",
              "runtimeCommand": ["./bootstrap", "--flag"],
              "handler": "app.handle",
              "optDirectory": "layer",
              "taskRoot": "app",
              "environment": { "AWS_LAMBDA_EXEC_WRAPPER": "/opt/aws-fis/bootstrap", "RETRIES": 3 },
              "memorySizeMb": 512,
              "timeoutSeconds": 7.5,
              "region": "eu-west-1",
              "version": "12"
            }
            """);

        var definition = FunctionDefinition.Load(file);

        Assert.Equal("orders", definition.FunctionName);
        Assert.Equal([Path.Combine(scratch.Path, "bootstrap"), "--flag"], definition.RuntimeCommand);
        Assert.Equal("app.handle", definition.Handler);
        Assert.Equal(Path.Combine(scratch.Path, "layer"), definition.OptDirectory);
        Assert.Equal(Path.Combine(scratch.Path, "app"), definition.TaskRoot);
        Assert.Equal("/opt/aws-fis/bootstrap", definition.Environment["AWS_LAMBDA_EXEC_WRAPPER"]);
        Assert.Equal("3", definition.Environment["RETRIES"]);
        Assert.Equal(512, definition.MemorySizeMb);
        Assert.Equal(TimeSpan.FromSeconds(7.5), definition.Timeout);
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:orders", definition.InvokedFunctionArn);
        Assert.Equal("12", definition.Version);
    }

    [Fact]
    public void Load_WithoutARuntimeCommand_MeansAnExternalRuntimeAndKeepsTheDefaults()
    {
        using var scratch = new TempDirectory();
        var file = scratch.File("function.json");
        File.WriteAllText(file, """{ "functionName": "bare" }""");

        var definition = FunctionDefinition.Load(file);

        Assert.Null(definition.RuntimeCommand);
        Assert.Equal("index.handler", definition.Handler);
        Assert.Equal(128, definition.MemorySizeMb);
        Assert.Equal(TimeSpan.FromSeconds(3), definition.Timeout);
        Assert.Equal("$LATEST", definition.Version);
    }

    [Fact]
    public void Load_WithoutAFunctionName_SaysWhatIsMissing()
    {
        using var scratch = new TempDirectory();
        var file = scratch.File("function.json");
        File.WriteAllText(file, "{}");

        var error = Assert.Throws<ConfigurationException>(() => FunctionDefinition.Load(file));

        Assert.Equal($"{file}: $.functionName is required.", error.Message);
    }
}
