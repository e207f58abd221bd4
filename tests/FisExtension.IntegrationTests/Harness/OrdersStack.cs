using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>
/// The sample orders stack of the local run (tests/functions/orders-stack/stack.json) in a real fis-emulator process,
/// with the published FIS layer. The stack file is copied with its folders made absolute and its order table, fault
/// configuration folder and idle lifetime moved into a folder of this test, so runs never share state.
/// </summary>
internal sealed class OrdersStack : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private OrdersStack(Process process, string directory)
    {
        _process = process;
        Directory = directory;
    }

    public static string SampleFolder => Path.Combine(RepositoryPaths.Functions, "orders-stack");

    /// <summary>The folder holding the stack file copy, the order table and the fault configuration.</summary>
    public string Directory { get; }

    public string ConfigurationLocation => Path.Combine(Directory, "fis-configuration") + "/";

    public Uri LambdaApi { get; private set; } = null!;

    public Uri HttpApi { get; private set; } = null!;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>How many execution environments of <paramref name="function"/> the stack has opened so far (its log prefixes).</summary>
    public int EnvironmentsOpened(string function) => EnvironmentsThatLogged(function, "");

    /// <summary>How many environments of <paramref name="function"/> wrote a log line containing <paramref name="text"/>.</summary>
    public int EnvironmentsThatLogged(string function, string text) =>
        Output.Split('\n').Where(line => line.StartsWith($"[{function}#", StringComparison.Ordinal) && line.Contains(text, StringComparison.Ordinal))
            .Select(line => line[..(line.IndexOf(']', StringComparison.Ordinal) + 1)]).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Starts the sample stack. <paramref name="pollMaxWait"/> makes each new environment's first invocation wait
    /// for its extension's first poll (<c>AWS_FIS_POLL_MAX_WAIT_MILLISECONDS</c>), so that every invocation in an
    /// experiment sees its faults however slow the cold start; the functions' timeout then becomes 30 s, so that the
    /// wait cannot turn into a timeout.</summary>
    public static async Task<OrdersStack> StartAsync(TimeSpan idleLifetime, int? reservedConcurrency = null, TimeSpan? pollMaxWait = null)
    {
        RepositoryPaths.RequireLayerExtension();
        var directory = System.IO.Directory.CreateTempSubdirectory("fis-orders-stack-").FullName;
        var stackFile = Path.Combine(directory, "stack.json");
        await File.WriteAllTextAsync(stackFile, Relocated(directory, idleLifetime, reservedConcurrency, pollMaxWait));
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "fis-emulator"))
        {
            ArgumentList = { "--stack", stackFile, "--invoke-port", "0", "--http-port", "0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var stack = new OrdersStack(Process.Start(start)!, directory);
        stack._process.OutputDataReceived += (_, e) => stack.Append(e.Data);
        stack._process.ErrorDataReceived += (_, e) => stack.Append(e.Data);
        stack._process.BeginOutputReadLine();
        stack._process.BeginErrorReadLine();
        if (!await Eventually.TrueAsync(() => stack.Output.Contains("HTTP API:", StringComparison.Ordinal) || stack._process.HasExited, TimeSpan.FromSeconds(30))
            || stack._process.HasExited)
        {
            var output = stack.Output;
            await stack.DisposeAsync();
            throw new InvalidOperationException($"fis-emulator --stack did not start:\n{output}");
        }

        stack.LambdaApi = new Uri(EndpointAfter(stack.Output, "Lambda API:"));
        stack.HttpApi = new Uri(EndpointAfter(stack.Output, "HTTP API:"));
        return stack;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }

    private static string EndpointAfter(string output, string label)
    {
        var line = output.Split('\n').First(l => l.StartsWith(label, StringComparison.Ordinal));
        return line[label.Length..].Trim().Split(' ')[0];
    }

    private static string Relocated(string directory, TimeSpan idleLifetime, int? reservedConcurrency, TimeSpan? pollMaxWait)
    {
        var stack = JsonNode.Parse(File.ReadAllText(Path.Combine(SampleFolder, "stack.json")))!;
        string Absolute(JsonNode? path) => Path.GetFullPath(Path.Combine(SampleFolder, path!.GetValue<string>()));
        foreach (var function in stack["functions"]!.AsArray())
        {
            function!["taskRoot"] = Absolute(function["taskRoot"]);
            var command = function["runtimeCommand"]!.AsArray();
            command[0] = Absolute(command[0]);
            function["layers"] = new JsonArray([.. function["layers"]!.AsArray().Select(layer => JsonValue.Create(Absolute(layer)))]);
            function["idleLifetimeSeconds"] = idleLifetime.TotalSeconds;
            if (reservedConcurrency is { } reserved) function["reservedConcurrency"] = reserved;
            var environment = function["environment"]!;
            environment["AWS_FIS_CONFIGURATION_LOCATION"] = Path.Combine(directory, "fis-configuration") + "/";
            environment["ORDERS_TABLE_DIR"] = Path.Combine(directory, "table");
            if (pollMaxWait is { } wait)
            {
                environment["AWS_FIS_POLL_MAX_WAIT_MILLISECONDS"] = $"{(int)wait.TotalMilliseconds}";
                function["timeoutSeconds"] = 30;
            }
        }

        return stack.ToJsonString();
    }
}
