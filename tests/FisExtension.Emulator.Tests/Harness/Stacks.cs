using System.Text;
using FisExtension.Emulator.Stack;

namespace FisExtension.Emulator.Tests.Harness;

/// <summary>Stacks the tests start from, on free ports, and the Lambda API calls they make over real HTTP.</summary>
internal static class Stacks
{
    public static StackFunction Shell(string name, TempDirectory? opt = null, int reservedConcurrency = 10, TimeSpan? idleLifetime = null,
        TimeSpan? timeout = null) => new()
    {
        Definition = Emulators.Shell(opt, timeout: timeout ?? TimeSpan.FromSeconds(10)) with { FunctionName = name },
        ReservedConcurrency = reservedConcurrency,
        IdleLifetime = idleLifetime ?? TimeSpan.FromMinutes(5),
    };

    /// <summary>A handler in tests/functions/<paramref name="folder"/> run by the official Node.js runtime interface client.</summary>
    public static StackFunction Node(string name, string folder) => new()
    {
        Definition = new FunctionDefinition
        {
            FunctionName = name,
            RuntimeCommand = [TestPaths.NodeRic, "index.handler"],
            TaskRoot = Path.Combine(TestPaths.Functions, folder),
            ExecutionEnvironment = "AWS_Lambda_nodejs20.x",
            // Node.js on a loaded CI machine can take seconds to serve an invocation, on top of a handler's own sleep.
            Timeout = TimeSpan.FromSeconds(30),
        },
    };

    public static Task<ServerlessStack> StartAsync(HttpApiDefinition? httpApi, params StackFunction[] functions) =>
        ServerlessStack.StartAsync(new StackDefinition { Functions = functions, HttpApi = httpApi }, Emulators.Options(), 0, 0);

    /// <summary>A stack whose log lines (environments' and the stack's own) go to <paramref name="sink"/>.</summary>
    public static Task<ServerlessStack> StartAsync(Action<string> sink, HttpApiDefinition? httpApi, params StackFunction[] functions) =>
        ServerlessStack.StartAsync(new StackDefinition { Functions = functions, HttpApi = httpApi }, Emulators.Options(sink), 0, 0);

    public static HttpApiDefinition Routes(params (string RouteKey, string Function, string Format)[] routes) =>
        new() { Routes = [.. routes.Select(r => new HttpRoute { RouteKey = r.RouteKey, FunctionName = r.Function, PayloadFormatVersion = r.Format })] };

    /// <summary>POST /2015-03-31/functions/{name}/invocations with the given Invoke headers.</summary>
    public static Task<HttpResponseMessage> InvokeAsync(this HttpClient client, ServerlessStack stack, string function, string payload,
        params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(stack.LambdaApiEndpoint, $"/2015-03-31/functions/{function}/invocations"))
        {
            Content = new StringContent(payload),
        };
        foreach (var (name, value) in headers) request.Headers.Add(name, value);
        return client.SendAsync(request);
    }

    /// <summary>The decoded X-Amz-Log-Result of an Invoke answered with <c>X-Amz-Log-Type: Tail</c>.</summary>
    public static string LogResult(HttpResponseMessage response) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues("X-Amz-Log-Result").Single()));
}
