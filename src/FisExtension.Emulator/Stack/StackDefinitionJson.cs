using System.Text.Json;
using FisExtension.Emulator.Configuration;

namespace FisExtension.Emulator.Stack;

/// <summary>Maps the stack file onto <see cref="StackDefinition"/> without reflection, checking every field.</summary>
internal static class StackDefinitionJson
{
    private const int MaxFunctions = 100;

    // Lambda allows five layers per function and 1,000 reserved concurrency by default per account (Lambda quotas page).
    private const int MaxLayers = 5;
    private const int MaxReservedConcurrency = 1_000;
    private const double MaxIdleLifetimeSeconds = 86_400;

    /// <summary>How a host port must be written: inside an environment 9001 is the Runtime API's, as on Lambda.</summary>
    public const string HostPortRule = "use a whole number from 1 to 65535 other than 9001 (the Runtime API's port inside an environment).";

    private static readonly string[] RootFields = ["functions", "httpApi", "hostPorts"];
    private static readonly string[] StackOnlyFunctionFields = ["tags", "layers", "reservedConcurrency", "idleLifetimeSeconds"];
    private static readonly string[] FunctionFields = [.. FunctionDefinitionJson.Fields, .. StackOnlyFunctionFields];
    private static readonly string[] HttpApiFields = ["routes"];
    private static readonly string[] RouteFields = ["function", "payloadFormatVersion", "timeoutMilliseconds"];

    public static StackDefinition? Read(JsonElement root, string baseDirectory, List<string> problems)
    {
        if (JsonObjectReader.Open(root, "$", "a stack", RootFields, problems) is not { } stack) return null;
        var functions = ReadFunctions(stack, baseDirectory, problems);
        var httpApi = stack.Element("httpApi") is { } api ? ReadHttpApi(api, stack.PathOf("httpApi"), functions, problems) : null;
        var hostPorts = stack.Element("hostPorts") is { } ports ? ReadHostPorts(ports, stack.PathOf("hostPorts"), problems) : [];
        return new StackDefinition { Functions = functions, HttpApi = httpApi, HostPorts = hostPorts };
    }

    private static List<StackFunction> ReadFunctions(JsonObjectReader stack, string baseDirectory, List<string> problems)
    {
        var path = stack.PathOf("functions");
        if (stack.Element("functions") is not { } array)
        {
            problems.Add($"{path} is required: an array of functions, e.g. [{{\"functionName\":\"orders\",\"runtimeCommand\":[\"./bootstrap\"]}}].");
            return [];
        }
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() is 0 or > MaxFunctions)
        {
            problems.Add($"{path} must be an array of 1 to {MaxFunctions} functions, not {JsonObjectReader.Describe(array)}.");
            return [];
        }
        var functions = new List<StackFunction>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var functionPath = $"{path}[{index++}]";
            if (JsonObjectReader.Open(element, functionPath, "a stack function", FunctionFields, problems) is not { } json) continue;
            if (ReadFunction(json, baseDirectory) is not { } function) continue;
            if (functions.Any(f => f.Definition.FunctionName == function.Definition.FunctionName))
                problems.Add($"{json.PathOf("functionName")} \"{function.Definition.FunctionName}\" is used twice. Give each function its own name.");
            else functions.Add(function);
        }
        return functions;
    }

    private static StackFunction? ReadFunction(JsonObjectReader json, string baseDirectory)
    {
        var definition = FunctionDefinitionJson.Read(json, baseDirectory);
        var layers = json.Strings("layers", 0, MaxLayers, layer => Layer(Path.GetFullPath(layer, baseDirectory)));
        if (layers is { Count: > 0 } && json.Has("optDirectory"))
            json.Problem($"{json.PathOf("layers")} and {json.PathOf("optDirectory")} both give /opt. Use layers alone (an optDirectory is a layer too).");
        var tags = json.StringMap("tags", scalarsAsText: false, TagKey, value => value.Length <= 256 ? null : "a tag value has at most 256 characters.");
        var reserved = json.Integer("reservedConcurrency", 0, MaxReservedConcurrency, "environments");
        var idle = json.Number("idleLifetimeSeconds", 0, MaxIdleLifetimeSeconds, "seconds");
        if (definition is null) return null;
        return new StackFunction
        {
            Definition = definition,
            Layers = [.. (layers ?? []).Select(layer => Path.GetFullPath(layer, baseDirectory))],
            Tags = tags ?? [],
            ReservedConcurrency = reserved ?? StackFunction.DefaultReservedConcurrency,
            IdleLifetime = idle is { } seconds ? TimeSpan.FromSeconds(seconds) : StackFunction.DefaultIdleLifetime,
        };
    }

    private static HttpApiDefinition? ReadHttpApi(JsonElement element, string path, List<StackFunction> functions, List<string> problems)
    {
        if (JsonObjectReader.Open(element, path, "an HTTP API", HttpApiFields, problems) is not { } api) return null;
        if (api.Element("routes") is not { } routesElement)
        {
            problems.Add($"{api.PathOf("routes")} is required, e.g. {{\"GET /orders/{{id}}\": {{\"function\": \"orders\"}}}}.");
            return null;
        }
        if (JsonObjectReader.Open(routesElement, api.PathOf("routes"), "a map of routes", null, problems) is not { } routes) return null;
        var result = new List<HttpRoute>();
        foreach (var property in routes.Properties())
        {
            var routePath = routes.PathOf(property.Name);
            if (RouteKeys.Problem(property.Name) is { } keyProblem)
            {
                problems.Add($"{routePath}: {keyProblem}");
                continue;
            }
            if (JsonObjectReader.Open(property.Value, routePath, "a route integration", RouteFields, problems) is not { } route) continue;
            var function = route.String("function", required: true, name => functions.Count == 0 || functions.Any(f => f.Definition.FunctionName == name)
                ? null
                : $"\"{name}\" is not a function of this stack. Use one of: {string.Join(", ", functions.Select(f => f.Definition.FunctionName))}.");
            var format = route.String("payloadFormatVersion", rule: version => version is HttpRoute.PayloadFormat2 or HttpRoute.PayloadFormat1
                ? null
                : $"\"{version}\" is not a payload format version. Use \"2.0\" (HTTP API) or \"1.0\" (REST API proxy).");
            var timeout = route.Integer("timeoutMilliseconds", 50, (int)HttpRoute.MaxTimeout.TotalMilliseconds, "milliseconds");
            if (function is not null)
            {
                result.Add(new HttpRoute
                {
                    RouteKey = property.Name,
                    FunctionName = function,
                    PayloadFormatVersion = format ?? HttpRoute.PayloadFormat2,
                    Timeout = timeout is { } milliseconds ? TimeSpan.FromMilliseconds(milliseconds) : HttpRoute.MaxTimeout,
                });
            }
        }
        return new HttpApiDefinition { Routes = result };
    }

    private static List<int> ReadHostPorts(JsonElement element, string path, List<string> problems)
    {
        var ports = new List<int>();
        if (element.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{path} must be an array of ports of the host's 127.0.0.1, not {JsonObjectReader.Describe(element)}. Write e.g. [4568].");
            return ports;
        }
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var port) && HostPortProblem(port) is not { } problem) ports.Add(port);
            else problems.Add($"{itemPath} {(item.ValueKind == JsonValueKind.Number ? item.GetRawText() : JsonObjectReader.Describe(item))}: {HostPortRule}");
        }
        return ports;
    }

    public static string? HostPortProblem(int port) => port is >= 1 and <= FunctionRules.MaxPort and not Isolation.SandboxPaths.RuntimeApiPort ? null : HostPortRule;

    private static string? Layer(string path) =>
        Directory.Exists(path) || (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            ? null
            : $"{path} is neither a folder nor a .zip file. Give a layer's folder (what Lambda unpacks into /opt) or its zip.";

    // Tag rules of the Lambda TagResource API: keys 1 to 128 characters, the aws: prefix reserved.
    private static string? TagKey(string key) =>
        key.Length > 128 ? "a tag key has at most 128 characters."
        : key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) ? "tag keys starting with aws: are reserved for AWS. Choose another key."
        : null;
}
