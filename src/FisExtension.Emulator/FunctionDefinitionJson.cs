using FisExtension.Emulator.Configuration;

namespace FisExtension.Emulator;

/// <summary>Maps the function JSON file onto <see cref="FunctionDefinition"/> without reflection, checking every field.</summary>
internal static class FunctionDefinitionJson
{
    public static readonly IReadOnlyList<string> Fields =
    [
        "functionName", "runtimeCommand", "handler", "taskRoot", "optDirectory", "environment", "memorySizeMb", "timeoutSeconds",
        "region", "version", "accountId", "executionEnvironment", "logFormat",
    ];

    /// <summary>The definition, or null when a problem was added; paths are resolved against <paramref name="baseDirectory"/>.</summary>
    public static FunctionDefinition? Read(JsonObjectReader json, string baseDirectory)
    {
        var name = json.String("functionName", required: true, FunctionRules.FunctionName);
        var command = json.Strings("runtimeCommand", 1, 64);
        var resolved = RuntimeCommandPaths.Resolve(command, baseDirectory);
        if (resolved is [var executable, ..] && FunctionRules.RuntimeExecutable(executable) is { } missing)
            json.Problem($"{json.PathOf("runtimeCommand")}[0]: {missing}");
        var definition = new FunctionDefinition
        {
            FunctionName = name ?? "",
            RuntimeCommand = resolved,
            OptDirectory = Directory(json, "optDirectory", baseDirectory),
            TaskRoot = Directory(json, "taskRoot", baseDirectory),
            Environment = json.StringMap("environment", scalarsAsText: true, FunctionRules.EnvironmentKey) ?? [],
            ExecutionEnvironment = json.String("executionEnvironment"),
        };
        if (json.String("handler") is { } handler) definition = definition with { Handler = handler };
        if (json.Integer("memorySizeMb", FunctionRules.MinMemoryMb, FunctionRules.MaxMemoryMb, "MB") is { } memory) definition = definition with { MemorySizeMb = memory };
        if (json.Number("timeoutSeconds", 0, FunctionRules.MaxTimeoutSeconds, "seconds") is { } timeout) definition = definition with { Timeout = TimeSpan.FromSeconds(timeout) };
        if (json.String("region", rule: FunctionRules.Region) is { } region) definition = definition with { Region = region };
        if (json.String("version") is { } version) definition = definition with { Version = version };
        if (json.String("accountId", rule: FunctionRules.AccountId) is { } account) definition = definition with { AccountId = account };
        if (json.String("logFormat", rule: FunctionRules.LogFormat) is { } format) definition = definition with { LogFormat = format };
        return name is null ? null : definition;
    }

    private static string? Directory(JsonObjectReader json, string name, string baseDirectory) =>
        json.String(name, rule: path => FunctionRules.ExistingDirectory(Path.GetFullPath(path, baseDirectory))) is { } path
            ? Path.GetFullPath(path, baseDirectory)
            : null;
}
