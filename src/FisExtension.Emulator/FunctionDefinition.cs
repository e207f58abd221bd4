using FisExtension.Emulator.Configuration;

namespace FisExtension.Emulator;

/// <summary>The one function an emulator runs: how to start its runtime, its layers, environment and limits.</summary>
public sealed record FunctionDefinition
{
    public required string FunctionName { get; init; }

    /// <summary>The runtime's command line. Null means an external runtime: no process is started and init waits for
    /// a client to call <c>/next</c> on <see cref="LambdaEmulator.RuntimeApiAddress"/>.</summary>
    public IReadOnlyList<string>? RuntimeCommand { get; init; }

    /// <summary>Defaults to <c>index.handler</c>.</summary>
    public string Handler { get; init; } = "index.handler";

    /// <summary>The folder that plays <c>/opt</c>; every executable in <c>&lt;opt&gt;/extensions</c> is started as an extension.</summary>
    public string? OptDirectory { get; init; }

    /// <summary>Working directory of the runtime and <c>LAMBDA_TASK_ROOT</c>. Defaults to the current directory.</summary>
    public string? TaskRoot { get; init; }

    /// <summary>The function's own environment variables, visible to the runtime and the extensions.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Defaults to 128 MB.</summary>
    public int MemorySizeMb { get; init; } = 128;

    /// <summary>Defaults to 3 seconds, as in Lambda.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Defaults to <c>us-east-1</c>.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Defaults to <c>$LATEST</c>.</summary>
    public string Version { get; init; } = "$LATEST";

    /// <summary>Used in the invoked function ARN. Defaults to 123456789012.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>The value of <c>AWS_EXECUTION_ENV</c> given to the runtime (e.g. <c>AWS_Lambda_nodejs22.x</c>); none when null.</summary>
    public string? ExecutionEnvironment { get; init; }

    /// <summary>Defaults to <c>Text</c>.</summary>
    public string LogFormat { get; init; } = "Text";

    public string InvokedFunctionArn => $"arn:aws:lambda:{Region}:{AccountId}:function:{FunctionName}";

    public string LogGroupName => $"/aws/lambda/{FunctionName}";

    /// <summary>Reads the function file described in the README; relative paths are relative to the file. Throws a
    /// <see cref="ConfigurationException"/> naming the file, every problem's JSON path and its fix.</summary>
    public static FunctionDefinition Load(string jsonPath)
    {
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(jsonPath))!;
        using var document = ConfigurationFile.Parse(jsonPath);
        var problems = new List<string>();
        var definition = JsonObjectReader.Open(document.RootElement, "$", "a function", FunctionDefinitionJson.Fields, problems) is { } json
            ? FunctionDefinitionJson.Read(json, baseDirectory)
            : null;
        return problems.Count == 0 && definition is not null ? definition : throw ConfigurationException.Of(jsonPath, problems);
    }
}
