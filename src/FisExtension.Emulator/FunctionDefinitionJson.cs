using System.Text.Json;

namespace FisExtension.Emulator;

/// <summary>Maps the function JSON file onto <see cref="FunctionDefinition"/> without reflection.</summary>
internal static class FunctionDefinitionJson
{
    public static FunctionDefinition Read(JsonElement root, string baseDirectory)
    {
        var definition = new FunctionDefinition
        {
            FunctionName = String(root, "functionName") ?? throw new FormatException("functionName is required in the function file."),
            RuntimeCommand = RuntimeCommandPaths.Resolve(StringArray(root, "runtimeCommand"), baseDirectory),
            OptDirectory = PathProperty(root, "optDirectory", baseDirectory),
            TaskRoot = PathProperty(root, "taskRoot", baseDirectory),
            Environment = StringMap(root, "environment"),
            ExecutionEnvironment = String(root, "executionEnvironment"),
        };
        if (String(root, "handler") is { } handler) definition = definition with { Handler = handler };
        if (Number(root, "memorySizeMb") is { } memory) definition = definition with { MemorySizeMb = (int)memory };
        if (Number(root, "timeoutSeconds") is { } timeout) definition = definition with { Timeout = TimeSpan.FromSeconds(timeout) };
        if (String(root, "region") is { } region) definition = definition with { Region = region };
        if (String(root, "version") is { } version) definition = definition with { Version = version };
        if (String(root, "accountId") is { } account) definition = definition with { AccountId = account };
        if (String(root, "logFormat") is { } format) definition = definition with { LogFormat = format };
        return definition;
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string? PathProperty(JsonElement root, string name, string baseDirectory) =>
        String(root, name) is { } path ? Path.GetFullPath(path, baseDirectory) : null;

    private static List<string>? StringArray(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(item => item.GetString() ?? "")]
            : null;

    private static Dictionary<string, string> StringMap(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())
            : [];
}
