using System.Diagnostics;
using FisExtension.Emulator.Configuration;
using FisExtension.Emulator.Stack;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>Bad options, function files and stack files: one message naming the file, the JSON path or the option, and
/// the fix; exit code 2 and nothing started.</summary>
public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("""{ "functionName": "f", }""", "is not valid JSON at line 1, byte 24: The JSON object contains a trailing comma at the end which is not supported in this mode. Fix the JSON")]
    [InlineData("[]", "$ must be a function (a JSON object), not an array.")]
    [InlineData("""{ "functionName": "f", "timeoutSeconds": "five" }""", "$.timeoutSeconds must be a number of seconds, not the string \"five\".")]
    [InlineData("""{ "functionName": "f", "runtimeComand": ["x"] }""", "$.runtimeComand is not a field of a function. Did you mean runtimeCommand?")]
    [InlineData("""{ "functionName": "f", "timeoutSeconds": 0 }""", "$.timeoutSeconds 0 is out of range. Use more than 0 and at most 900 seconds.")]
    [InlineData("""{ "functionName": "f", "memorySizeMb": 5 }""", "$.memorySizeMb 5 is out of range. Use 128 to 10240 MB.")]
    [InlineData("""{ "functionName": "my function" }""", "$.functionName: \"my function\" is not a function name.")]
    [InlineData("""{ "functionName": "f", "taskRoot": "/missing" }""", "$.taskRoot: /missing is not a directory.")]
    [InlineData("""{ "functionName": "f", "environment": { "A": {} } }""", "$.environment.A must be a string, a number or a boolean, not an object.")]
    [InlineData("""{ "functionName": "f", "functionName": "g" }""", "$.functionName appears twice.")]
    [InlineData("""{ "functionName": "f", "tags": {} }""", "$.tags is not a field of a function.")]
    public void FunctionFile_Problems_NameTheFileThePathAndTheFix(string json, string expected)
    {
        using var scratch = new TempDirectory();
        var file = scratch.File("function.json");
        File.WriteAllText(file, json);

        var error = Assert.Throws<ConfigurationException>(() => FunctionDefinition.Load(file));

        Assert.StartsWith($"{file}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "$.functions is required")]
    [InlineData("""{ "functions": [] }""", "$.functions must be an array of 1 to 100 functions, not an array.")]
    [InlineData("""{ "functions": [{ "functionName": "f", "reservedConcurrency": 1001 }] }""", "$.functions[0].reservedConcurrency 1001 is out of range. Use 0 to 1000 environments.")]
    [InlineData("""{ "functions": [{ "functionName": "f", "idleLifetimeSeconds": -1 }] }""", "$.functions[0].idleLifetimeSeconds -1 is out of range.")]
    [InlineData("""{ "functions": [{ "functionName": "f", "layers": ["missing.zip"] }] }""", "missing.zip is neither a folder nor a .zip file.")]
    [InlineData("""{ "functions": [{ "functionName": "f", "tags": { "aws:x": "1" } }] }""", "$.functions[0].tags[\"aws:x\"]: tag keys starting with aws: are reserved")]
    [InlineData("""{ "functions": [{ "functionName": "f" }, { "functionName": "f" }] }""", "$.functions[1].functionName \"f\" is used twice.")]
    [InlineData("""{ "functions": [{ "functionName": "f" }], "httpApi": { "routes": { "GET orders": { "function": "f" } } } }""", "$.httpApi.routes[\"GET orders\"]: the path \"orders\" must start with /.")]
    [InlineData("""{ "functions": [{ "functionName": "f" }], "httpApi": { "routes": { "FETCH /x": { "function": "f" } } } }""", "\"FETCH\" is not a method.")]
    [InlineData("""{ "functions": [{ "functionName": "f" }], "httpApi": { "routes": { "GET /{a+}/b": { "function": "f" } } } }""", "the greedy parameter \"{a+}\" must be the last segment")]
    [InlineData("""{ "functions": [{ "functionName": "f" }], "httpApi": { "routes": { "$default": { "function": "g" } } } }""", "$.httpApi.routes[\"$default\"].function: \"g\" is not a function of this stack. Use one of: f.")]
    [InlineData("""{ "functions": [{ "functionName": "f" }], "httpApi": { "routes": { "$default": { "function": "f", "payloadFormatVersion": "3.0" } } } }""", "\"3.0\" is not a payload format version.")]
    [InlineData("""{ "functions": [{ "functionName": "f" }], "httpApi": { "routes": { "$default": { "function": "f", "timeoutMilliseconds": 40000 } } } }""", "$.httpApi.routes[\"$default\"].timeoutMilliseconds 40000 is out of range. Use 50 to 30000 milliseconds.")]
    public void StackFile_Problems_NameTheFileThePathAndTheFix(string json, string expected)
    {
        using var scratch = new TempDirectory();
        var file = scratch.File("stack.json");
        File.WriteAllText(file, json);

        var error = Assert.Throws<ConfigurationException>(() => StackDefinition.Load(file));

        Assert.StartsWith($"{file}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StackFile_ReportsEveryProblemAtOnce()
    {
        using var scratch = new TempDirectory();
        var file = scratch.File("stack.json");
        File.WriteAllText(file, """{ "functions": [{ "functionName": "f", "timeoutSeconds": "five", "memorySizeMb": 5, "runtimeComand": [] }] }""");

        var error = Assert.Throws<ConfigurationException>(() => StackDefinition.Load(file));

        Assert.StartsWith($"{file}: 3 problems:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--invoke-port", "70000" }, "--invoke-port 70000 is not valid. Use a whole number from 0 to 65535")]
    [InlineData(new[] { "--timeout", "0" }, "--timeout 0 is not valid. Use seconds, more than 0 and at most 900.")]
    [InlineData(new[] { "--memory", "5" }, "--memory 5 is not valid. Use a whole number from 128 to 10240 MB.")]
    [InlineData(new[] { "--task-root", "/missing" }, "--task-root: /missing is not a directory.")]
    [InlineData(new[] { "--max-concurrency", "0" }, "--max-concurrency 0 is not valid.")]
    [InlineData(new[] { "--timeout" }, "--timeout needs a value.")]
    [InlineData(new[] { "--", "./missing/bootstrap" }, "missing/bootstrap does not exist.")]
    public void CommandLine_Problems_NameTheOptionAndTheFix(string[] args, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => EmulatorCommandLine.Parse(args));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLine_RejectsFunctionOptionsWithAStack()
    {
        using var scratch = new TempDirectory();
        var file = scratch.File("stack.json");
        File.WriteAllText(file, """{ "functions": [{ "functionName": "f" }] }""");

        var error = Assert.Throws<ConfigurationException>(() => EmulatorCommandLine.Parse(["--stack", file, "--name", "g"]));

        Assert.Contains("--name cannot be used with --stack", error.Message, StringComparison.Ordinal);
    }

    [Theory(Timeout = 60000)]
    [InlineData("--invoke-port", "70000")]
    [InlineData("--function", "trailing-comma.json")]
    [InlineData("--function", "array.json")]
    [InlineData("--task-root", "/missing")]
    public async Task Command_WithABadInput_ExitsWith2AndOneMessageAndStartsNothing(string option, string value)
    {
        using var scratch = new TempDirectory();
        File.WriteAllText(scratch.File("trailing-comma.json"), """{ "functionName": "f", }""");
        File.WriteAllText(scratch.File("array.json"), "[]");
        var port = FreePort.Next();
        var start = new ProcessStartInfo(TestPaths.EmulatorExecutable)
        {
            WorkingDirectory = scratch.Path,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList = { option, value, "--runtime-api-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        using var process = Process.Start(start)!;

        var stderr = await process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("fis-emulator: ", stderr, StringComparison.Ordinal);
        Assert.Contains(value, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // no stack trace
        Assert.Equal("", stdout); // nothing started: no listener announced
    }
}
