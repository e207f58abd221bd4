using System.Net;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>The Extensions API and the init phase, with bash extensions in a temporary /opt.</summary>
public sealed class ExtensionsApiTests
{
    [Fact(Timeout = 30000)]
    public async Task Register_AnswersTheIdentifierAndFunctionInfo()
    {
        using var opt = new TempDirectory();
        opt.AddExtension("probe", ExtensionScripts.Standard());
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt));

        var init = await emulator.InitializeAsync();

        Assert.True(init.Succeeded, init.ErrorMessage);
        var extension = Assert.Single(emulator.RegisteredExtensions);
        Assert.Equal("probe", extension.Name);
        Assert.Equal(["INVOKE", "SHUTDOWN"], extension.Events);
        Assert.Equal(["accountId"], extension.AcceptedFeatures);
        Assert.Matches("^[0-9a-f-]{36}$", extension.Id);
        Assert.True(await Emulators.LoggedAsync(emulator, l => l == """[extension:probe] registered {"functionName":"shell-function","functionVersion":"$LATEST","handler":"function.handler","accountId":"123456789012"}"""));
        Assert.Contains(emulator.Logs, l => l == "EXTENSION\tName: probe\tState: Ready\tEvents: [INVOKE,SHUTDOWN]");
    }

    [Fact(Timeout = 30000)]
    public async Task Runtime_StartsOnlyAfterEveryExtensionRegistered()
    {
        using var opt = new TempDirectory();
        opt.AddExtension("first", ExtensionScripts.Standard());
        opt.AddExtension("second", ExtensionScripts.Standard(envDumpFile: opt.File("unused")).Replace("register '", "sleep 0.3\nregister '", StringComparison.Ordinal));
        var runtimeStart = opt.File("runtime-start");
        var wrapper = opt.AddExecutable("wrapper", $"#!/usr/bin/env bash\ndate +%s%3N > '{runtimeStart}'\nexec \"$@\"\n");
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt, new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = wrapper }));

        var init = await emulator.InitializeAsync();

        Assert.True(init.Succeeded, init.ErrorMessage);
        Assert.Equal(["first", "second"], emulator.RegisteredExtensions.Select(e => e.Name).Order());
        var startedAt = long.Parse(File.ReadAllText(runtimeStart), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(startedAt >= emulator.RegisteredExtensions.Max(e => e.RegisteredAt).ToUnixTimeMilliseconds());
    }

    [Fact(Timeout = 30000)]
    public async Task InvokeEvent_CarriesRequestIdDeadlineArnAndTracing()
    {
        using var opt = new TempDirectory();
        var events = opt.File("events");
        opt.AddExtension("recorder", ExtensionScripts.Standard(eventsFile: events));
        var timeout = TimeSpan.FromSeconds(20);
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt, timeout: timeout));

        var before = DateTimeOffset.UtcNow;
        var result = await emulator.InvokeAsync(Json.Bytes("{}"), new InvokeOptions { TraceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1" });
        var after = DateTimeOffset.UtcNow;

        var invokeEvent = Json.Parse(Json.Bytes(File.ReadAllLines(events).Single()));
        Assert.Equal("INVOKE", invokeEvent.GetProperty("eventType").GetString());
        Assert.Equal(result.RequestId, invokeEvent.GetProperty("requestId").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:shell-function", invokeEvent.GetProperty("invokedFunctionArn").GetString());
        // The invocation's start plus the function's timeout, its start lying between before and after.
        Assert.InRange(invokeEvent.GetProperty("deadlineMs").GetInt64(), (before + timeout).ToUnixTimeMilliseconds(), (after + timeout).ToUnixTimeMilliseconds());
        Assert.Equal("X-Amzn-Trace-Id", invokeEvent.GetProperty("tracing").GetProperty("type").GetString());
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", invokeEvent.GetProperty("tracing").GetProperty("value").GetString());
    }

    [Fact(Timeout = 30000)]
    public async Task HiddenVariables_AreNotVisibleToExtensionsButAreToTheRuntime()
    {
        using var opt = new TempDirectory();
        var extensionEnv = opt.File("extension-env");
        var wrapperEnv = opt.File("runtime-env");
        opt.AddExtension("env-dump", ExtensionScripts.Standard(envDumpFile: extensionEnv));
        var wrapper = opt.AddExecutable("wrapper", $"#!/usr/bin/env bash\nenv > '{wrapperEnv}'\nexec \"$@\"\n");
        var environment = new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = wrapper, ["MY_SETTING"] = "on" };
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt, environment));

        var init = await emulator.InitializeAsync();

        Assert.True(init.Succeeded, init.ErrorMessage);
        var extension = ReadEnv(extensionEnv);
        var runtime = ReadEnv(wrapperEnv);
        foreach (var hidden in new[] { "_HANDLER", "LAMBDA_TASK_ROOT", "AWS_EXECUTION_ENV", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "LAMBDA_RUNTIME_DIR" })
            Assert.False(extension.ContainsKey(hidden), $"{hidden} is visible to extensions");
        foreach (var shared in new[] { "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_REGION", "AWS_LAMBDA_RUNTIME_API", "AWS_LAMBDA_LOG_FORMAT", "TZ", "MY_SETTING" })
        {
            Assert.True(extension.ContainsKey(shared), $"{shared} is missing for extensions");
            Assert.Equal(extension[shared], runtime[shared]);
        }
        Assert.Equal("function.handler", runtime["_HANDLER"]);
        Assert.Equal("/aws/lambda/shell-function", runtime["AWS_LAMBDA_LOG_GROUP_NAME"]);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$", runtime["AWS_LAMBDA_LOG_STREAM_NAME"]);
        Assert.Equal("on-demand", runtime["AWS_LAMBDA_INITIALIZATION_TYPE"]);
        Assert.Equal(emulator.RuntimeApiAddress, runtime["AWS_LAMBDA_RUNTIME_API"]);
        Assert.Equal("128", runtime["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal(":UTC", runtime["TZ"]);
    }

    [Fact(Timeout = 30000)]
    public async Task InitError_FromAnExtension_FailsInitWithItsErrorType()
    {
        using var opt = new TempDirectory();
        opt.AddExtension("broken", ExtensionScripts.InitError("Extension.ConfigInvalid"));
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt));

        var result = await emulator.InvokeAsync(Json.Bytes("{}"));

        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("Extension.ConfigInvalid", result.ErrorType);
        Assert.Equal("Extension.ConfigInvalid", Json.Property(result.Payload, "errorType"));
        Assert.Contains("bad configuration", Json.Property(result.Payload, "errorMessage"), StringComparison.Ordinal);
        Assert.Contains(emulator.Logs, l => l.StartsWith("INIT_REPORT", StringComparison.Ordinal) && l.Contains("Extension.ConfigInvalid", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30000)]
    public async Task ExtensionThatNeverRegisters_FailsInitWhenTheInitTimeoutEnds()
    {
        using var opt = new TempDirectory();
        opt.AddExtension("silent", ExtensionScripts.NeverRegisters);
        var options = Emulators.Options() with { InitTimeout = TimeSpan.FromSeconds(1) };
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt), options);

        var init = await emulator.InitializeAsync();

        Assert.False(init.Succeeded);
        Assert.Equal("Sandbox.Timedout", init.ErrorType);
        Assert.Contains("silent", init.ErrorMessage, StringComparison.Ordinal);
        // Below the product's 10 s default: the configured 1 s ended init; the rest is room for a loaded CI machine.
        Assert.InRange(init.Duration, TimeSpan.FromSeconds(0.9), new EmulatorOptions().InitTimeout - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(emulator.Logs, l => l.StartsWith("[runtime]", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30000)]
    public async Task ExtensionThatExitsDuringInit_FailsInitWithExtensionCrash()
    {
        using var opt = new TempDirectory();
        opt.AddExtension("crasher", ExtensionScripts.CrashesAtStart);
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt));

        var result = await emulator.InvokeAsync(Json.Bytes("{}"));

        Assert.Equal("Extension.Crash", result.ErrorType);
        Assert.Contains("crasher exited with code 3", Json.Property(result.Payload, "errorMessage"), StringComparison.Ordinal);
        Assert.True(await Emulators.LoggedAsync(emulator, l => l == "[extension:crasher] crashing"));
    }

    [Fact(Timeout = 30000)]
    public async Task ExtensionCrashAfterInit_ResetsTheEnvironmentBeforeTheNextInvoke()
    {
        using var opt = new TempDirectory();
        var marker = opt.File("marker");
        opt.AddExtension("fragile", ExtensionScripts.Standard().Replace("*INVOKE*) sleep 0.000 ;;", "*INVOKE*) exit 4 ;;", StringComparison.Ordinal));
        var environment = new Dictionary<string, string> { ["SHELL_RUNTIME_MARKER_FILE"] = marker };
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt, environment));

        var first = await emulator.InvokeAsync(Json.Bytes("{}"));
        var second = await emulator.InvokeAsync(Json.Bytes("{}"));

        Assert.Null(first.FunctionError);
        Assert.True(second.ColdStart);
        Assert.Equal(["init", "init"], File.ReadAllLines(marker));
    }

    [Fact(Timeout = 30000)]
    public async Task ExitError_FromAnExtension_ResetsTheEnvironmentBeforeTheNextInvoke()
    {
        using var opt = new TempDirectory();
        var marker = opt.File("marker");
        var reportsExitError = ExtensionScripts.Standard().Replace("*INVOKE*) sleep 0.000 ;;", """
            *INVOKE*) curl -sS -X POST "$api/exit/error" -H "Lambda-Extension-Identifier: $id" -H 'Lambda-Extension-Function-Error-Type: Extension.Broken' -d '{}' ;;
            """, StringComparison.Ordinal);
        opt.AddExtension("quitter", reportsExitError);
        var environment = new Dictionary<string, string> { ["SHELL_RUNTIME_MARKER_FILE"] = marker };
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt, environment));

        await emulator.InvokeAsync(Json.Bytes("{}"));
        var second = await emulator.InvokeAsync(Json.Bytes("{}"));

        Assert.True(second.ColdStart);
        Assert.Equal(["init", "init"], File.ReadAllLines(marker));
        Assert.Contains(emulator.Logs, l => l.StartsWith("[emulator] exit/error from quitter: Extension.Broken", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30000)]
    public async Task ExtensionSubscribedToShutdownOnly_GetsNoInvokeAndDoesNotHoldTheInvoke()
    {
        using var opt = new TempDirectory();
        var events = opt.File("events");
        opt.AddExtension("closer", ExtensionScripts.Standard(eventsFile: events, events: "\"SHUTDOWN\""));
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt));

        var result = await emulator.InvokeAsync(Json.Bytes("{}"));
        await emulator.ShutdownAsync();

        Assert.Null(result.FunctionError);
        var received = File.ReadAllLines(events);
        Assert.Single(received);
        Assert.Contains("\"eventType\":\"SHUTDOWN\"", received[0], StringComparison.Ordinal);
    }

    [Fact(Timeout = 30000)]
    public async Task EventNext_WithoutAKnownIdentifier_Is403()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.External());
        using var client = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, $"http://{emulator.RuntimeApiAddress}/2020-01-01/extension/event/next");
        request.Headers.Add("Lambda-Extension-Identifier", "not-registered");

        using var unknown = await client.SendAsync(request);
        using var missing = await client.GetAsync($"http://{emulator.RuntimeApiAddress}/2020-01-01/extension/event/next");
        using var initError = await client.PostAsync($"http://{emulator.RuntimeApiAddress}/2020-01-01/extension/init/error", new StringContent("{}"));
        using var exitError = await client.PostAsync($"http://{emulator.RuntimeApiAddress}/2020-01-01/extension/exit/error", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, initError.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, exitError.StatusCode);
    }

    [Fact(Timeout = 30000)]
    public async Task Register_OutsideInit_IsForbiddenAndWithoutNameIsBadRequest()
    {
        await using var emulator = await Emulators.StartAsync(Emulators.Shell());
        await emulator.InitializeAsync();
        using var client = new HttpClient();
        var url = $"http://{emulator.RuntimeApiAddress}/2020-01-01/extension/register";
        var late = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent("""{"events":["INVOKE"]}""") };
        late.Headers.Add("Lambda-Extension-Name", "late");

        using var lateResponse = await client.SendAsync(late);
        using var namelessResponse = await client.PostAsync(url, new StringContent("""{"events":["INVOKE"]}"""));

        Assert.Equal(HttpStatusCode.Forbidden, lateResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, namelessResponse.StatusCode);
    }

    [Fact(Timeout = 30000)]
    public async Task Register_WithAnUnknownEvent_IsBadRequest()
    {
        using var opt = new TempDirectory();
        var answer = opt.File("answer");
        opt.AddExtension("odd", $$"""
            #!/usr/bin/env bash
            curl -s -o /dev/null -w '%{http_code}' -X POST "http://${AWS_LAMBDA_RUNTIME_API}/2020-01-01/extension/register" \
              -H 'Lambda-Extension-Name: odd' -d '{"events":["INVOKE","BOGUS"]}' > '{{answer}}'
            exit 0
            """);
        await using var emulator = await Emulators.StartAsync(Emulators.Shell(opt));

        await emulator.InitializeAsync();

        Assert.Equal("400", File.ReadAllText(answer));
    }

    private static Dictionary<string, string> ReadEnv(string path) => File.ReadAllLines(path)
        .Where(l => l.Contains('=', StringComparison.Ordinal))
        .Select(l => l.Split('=', 2))
        .GroupBy(p => p[0])
        .ToDictionary(g => g.Key, g => g.First()[1]);
}
