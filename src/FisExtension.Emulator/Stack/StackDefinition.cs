using FisExtension.Emulator.Configuration;

namespace FisExtension.Emulator.Stack;

/// <summary>A local serverless stack: functions, each run by a pool of execution environments, and one HTTP API in
/// front of them. Read from the stack file described in the README.</summary>
public sealed record StackDefinition
{
    public required IReadOnlyList<StackFunction> Functions { get; init; }

    public HttpApiDefinition? HttpApi { get; init; }

    /// <summary>Ports of the host's 127.0.0.1 relayed into every isolated environment's 127.0.0.1 (a local S3 store).
    /// Defaults to none.</summary>
    public IReadOnlyList<int> HostPorts { get; init; } = [];

    /// <summary>Reads and checks the stack file; throws a <see cref="ConfigurationException"/> naming the file, every
    /// problem's JSON path and its fix.</summary>
    public static StackDefinition Load(string jsonPath)
    {
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        using var document = ConfigurationFile.Parse(jsonPath);
        var problems = new List<string>();
        var stack = StackDefinitionJson.Read(document.RootElement, baseDirectory, problems);
        return problems.Count == 0 && stack is not null ? stack : throw ConfigurationException.Of(jsonPath, problems);
    }
}
