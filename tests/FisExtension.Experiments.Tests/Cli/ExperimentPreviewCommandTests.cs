using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Cli;

public sealed class ExperimentPreviewCommandTests
{
    private static readonly Dictionary<string, string> Ready = new() { ["FISExperimentReady"] = "Yes" };

    private static Dictionary<string, string> Location(string location) => new() { ["AWS_FIS_CONFIGURATION_LOCATION"] = location };

    private static Task<FakeLambdaApi> OrdersApiAsync() => FakeLambdaApi.StartAsync(
        new FakeFunction("orders-get", Ready, Location("s3://fis-configs/FisConfigs/")),
        new FakeFunction("orders-create", Ready, Location("/tmp/fis/")),
        new FakeFunction("orders-list", Ready),
        new FakeFunction("billing", new() { ["FISExperimentReady"] = "No" }, Location("/tmp/fis/")));

    [Fact(Timeout = 30_000)]
    public async Task Preview_PrintsEverySelectedFunctionWithItsLocation_AndTheSchedule()
    {
        await using var api = await OrdersApiAsync();

        var run = await FisctlRun.RunAsync(["experiment", "preview", TemplateFiles.Sample("lambda-delay-then-errors.json"), "--endpoint", api.Endpoint.ToString()]);

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        var lines = run.OutLines;
        Assert.Contains("Seed 1234 (pass --seed 1234 to select the same functions again). Functions from " + api.Endpoint + ".", lines);
        Assert.Contains("  AllOrders: resourceTags FISExperimentReady=Yes, ALL: 3 of 3 functions selected", lines);
        Assert.Contains("    orders-get  arn:aws:lambda:us-east-1:123456789012:function:orders-get  location: s3://fis-configs/FisConfigs/", lines);
        Assert.Contains("    orders-create  arn:aws:lambda:us-east-1:123456789012:function:orders-create  location: /tmp/fis/", lines);
        Assert.Contains("    orders-list  arn:aws:lambda:us-east-1:123456789012:function:orders-list  location: none (AWS_FIS_CONFIGURATION_LOCATION is not set on the function: its extension injects nothing; set it, or pass --location)", lines);
        Assert.Contains("  OneOrder: resourceArns arn:aws:lambda:us-east-1:123456789012:function:orders-list, COUNT(1): 1 of 1 function selected", lines);
        Assert.Contains("Schedule (if started now: 2026-11-25T10:00:00Z to 2026-11-25T10:04:00Z, PT4M)", lines);
        Assert.Contains("  +PT2M to +PT4M  fail  aws:lambda:invocation-error  (after slow)", lines);
        Assert.Contains("    targets: AllOrders (orders-create, orders-get, orders-list)", lines);
        Assert.Contains("    parameters: duration=PT2M invocationPercentage=25 preventExecution=true", lines);
        Assert.Contains("  +PT0S to +PT4M  unavailable  aws:lambda:invocation-http-integration-response", lines);
        Assert.Contains("  note: on orders-list, fail does not apply from +PT2M to +PT4M: unavailable started first, and of two identical or conflicting faults only the earliest applies", lines);
        Assert.Contains("Nothing was written.", lines);
        Assert.DoesNotContain("billing", run.Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task LocationOption_OverridesEveryFunctionsOwn()
    {
        await using var api = await OrdersApiAsync();

        var run = await FisctlRun.RunAsync(["experiment", "preview", TemplateFiles.Sample("lambda-delay-then-errors.json"), "--endpoint", api.Endpoint.ToString(), "--location", "/srv/fis/"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, run.OutLines.Count(l => l.EndsWith("location: /srv/fis/", StringComparison.Ordinal)));
        Assert.DoesNotContain("s3://fis-configs", run.Out, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task ReportWindows_ArePrintedAroundTheExperiment()
    {
        await using var api = await FakeLambdaApi.StartAsync(new FakeFunction("orders-get"), new FakeFunction("orders-create"));

        var run = await FisctlRun.RunAsync(["experiment", "preview", TemplateFiles.Sample("lambda-start-delay.json"), "--endpoint", api.Endpoint.ToString()]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("  report windows: pre-experiment PT2M from 2026-11-25T09:58:00Z, post-experiment PT2M until 2026-11-25T10:07:00Z", run.OutLines);
    }

    [Fact(Timeout = 30_000)]
    public async Task Seed_IsPrinted_AndPassingItBackSelectsTheSameFunctions()
    {
        await using var api = await FakeLambdaApi.StartAsync(Enumerable.Range(1, 8).Select(i => new FakeFunction($"fn-{i}", Ready)).ToArray());
        using var files = new TemplateFiles();
        var template = files.Write(TemplateJson.Valid
            .Replace("\"resourceArns\": [\"arn:aws:lambda:us-east-1:123456789012:function:orders-get\"]", "\"resourceTags\": {\"FISExperimentReady\": \"Yes\"}", StringComparison.Ordinal)
            .Replace("\"ALL\"", "\"COUNT(2)\"", StringComparison.Ordinal));
        string[] Args(params string[] more) => ["experiment", "preview", template, "--endpoint", api.Endpoint.ToString(), .. more];
        static string Selected(FisctlRun run) => string.Join("|", run.OutLines.Where(l => l.StartsWith("    fn-", StringComparison.Ordinal)));

        var first = await FisctlRun.RunAsync(Args(), seed: 5);
        var repeated = await FisctlRun.RunAsync(Args("--seed", "5"), seed: 77);
        var others = await Task.WhenAll(Enumerable.Range(100, 6).Select(seed => FisctlRun.RunAsync(Args("--seed", $"{seed}"))));

        Assert.Contains("Seed 5 (pass --seed 5 to select the same functions again)", first.Out, StringComparison.Ordinal);
        Assert.Contains("Seed 5 ", repeated.Out, StringComparison.Ordinal);
        Assert.Equal(2, Selected(first).Split('|').Length);
        Assert.Equal(Selected(first), Selected(repeated));
        Assert.Contains(others, other => Selected(other) != Selected(first));
    }

    [Fact(Timeout = 30_000)]
    public async Task WaitAction_IsShownWithNoTarget()
    {
        await using var api = await OrdersApiAsync();
        using var files = new TemplateFiles();
        var template = files.Write(TemplateJson.Valid.Replace("\"fail\": {", "\"pause\": { \"actionId\": \"aws:fis:wait\", \"parameters\": { \"duration\": \"PT30S\" }, \"startAfter\": [\"slow\"] },\n    \"fail\": {", StringComparison.Ordinal));

        var run = await FisctlRun.RunAsync(["experiment", "preview", template, "--endpoint", api.Endpoint.ToString()]);

        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Contains("  +PT2M to +PT2M30S  pause  aws:fis:wait  (after slow)", run.OutLines);
        Assert.Contains("    targets: none (waits)", run.OutLines);
    }

    [Fact(Timeout = 30_000)]
    public async Task InvalidTemplate_Exits2_NamesEveryProblem_AndNeverCallsTheLambdaApi()
    {
        await using var api = await OrdersApiAsync();
        using var files = new TemplateFiles();
        var template = files.Write(TemplateJson.Valid
            .Replace("\"invocationPercentage\": \"25\"", "\"invocationPercentage\": \"150\"", StringComparison.Ordinal)
            .Replace("\"startAfter\"", "\"startafter\"", StringComparison.Ordinal));

        var run = await FisctlRun.RunAsync(["experiment", "preview", template, "--endpoint", api.Endpoint.ToString()]);

        Assert.Equal((2, ""), (run.ExitCode, run.Out));
        Assert.Equal(
            $"fisctl: template {template} is invalid (2 problems); nothing was written:{Environment.NewLine}"
            + $"  $.actions.fail.startafter: is not a known field. Did you mean \"startAfter\"?{Environment.NewLine}"
            + $"  $.actions.fail.parameters.invocationPercentage: 150 is above 100. Use at most 100.{Environment.NewLine}",
            run.Error);
        Assert.Empty(api.Requests);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(new[] { "experiment", "preview" }, "fisctl: Required argument missing for command: 'preview'.")]
    [InlineData(new[] { "experiment", "preview", "t.json", "--seed", "abc" }, "fisctl: --seed \"abc\" is not a whole number from 0 to 2147483647. Use the seed a previous run printed, e.g. --seed 42.")]
    [InlineData(new[] { "experiment", "preview", "t.json", "--endpoint", "ftp://host" }, "fisctl: --endpoint \"ftp://host\" is not an http:// or https:// URL. Use e.g. http://127.0.0.1:8080.")]
    [InlineData(new[] { "experiment", "preview", "t.json", "--sed", "1" }, "fisctl: Unrecognized command or argument '--sed'.")]
    [InlineData(new[] { "experiment" }, "fisctl: Required command was not provided.")]
    public async Task BadCommandLine_Exits2_NamingTheProblem(string[] args, string expected)
    {
        var run = await FisctlRun.RunAsync(args);

        Assert.Equal((2, ""), (run.ExitCode, run.Out));
        Assert.Contains(expected, run.Error.Split(Environment.NewLine));
        var usage = args.Length == 1 ? "fisctl experiment" : "fisctl experiment preview";
        Assert.EndsWith($"Run '{usage} --help' for usage.{Environment.NewLine}", run.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task MissingTemplateFile_Exits2()
    {
        using var files = new TemplateFiles();
        var missing = files.Write("{}") + ".missing";

        var run = await FisctlRun.RunAsync(["experiment", "preview", missing]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"fisctl: cannot read template {missing}: Could not find file", run.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnreachableLambdaApi_Exits1_SayingHowToFixIt()
    {
        var endpoint = LambdaApi.LambdaApiFunctionResolverTests.ClosedPort();

        var run = await FisctlRun.RunAsync(["experiment", "preview", TemplateFiles.Sample("lambda-start-delay.json"), "--endpoint", endpoint.ToString()]);

        Assert.Equal((1, ""), (run.ExitCode, run.Out));
        Assert.StartsWith($"fisctl: target Functions: cannot reach the Lambda API at {endpoint}", run.Error, StringComparison.Ordinal);
        Assert.EndsWith($"Start the local stack, or pass --endpoint with its address. (seed 1234){Environment.NewLine}", run.Error, StringComparison.Ordinal);
    }
}
