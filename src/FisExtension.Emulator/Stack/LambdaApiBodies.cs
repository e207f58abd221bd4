using System.Globalization;
using System.Text.Json;

namespace FisExtension.Emulator.Stack;

/// <summary>The Lambda API's JSON answers (API reference: FunctionConfiguration, GetFunction, ListFunctions, ListTags and
/// the error shapes), written with <see cref="Utf8JsonWriter"/>, no reflection.</summary>
internal static class LambdaApiBodies
{
    public static byte[] ListFunctions(IEnumerable<FunctionPool> pools, DateTimeOffset lastModified) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("Functions");
        foreach (var pool in pools) Configuration(writer, pool, lastModified);
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static byte[] FunctionConfiguration(FunctionPool pool, DateTimeOffset lastModified) => Write(writer => Configuration(writer, pool, lastModified));

    public static byte[] GetFunction(FunctionPool pool, DateTimeOffset lastModified) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("Configuration");
        Configuration(writer, pool, lastModified);
        writer.WriteStartObject("Code");
        writer.WriteString("RepositoryType", "Local");
        writer.WriteString("Location", new Uri(pool.Definition.TaskRoot ?? Directory.GetCurrentDirectory()).AbsoluteUri);
        writer.WriteEndObject();
        Tags(writer, pool.Function.Tags);
        writer.WriteEndObject();
    });

    public static byte[] ListTags(IReadOnlyDictionary<string, string> tags) => Write(writer =>
    {
        writer.WriteStartObject();
        Tags(writer, tags);
        writer.WriteEndObject();
    });

    /// <summary>The body of a Lambda API error; its type also goes in <c>X-Amzn-ErrorType</c>, where the SDKs read it.</summary>
    public static byte[] Error(string message, string? reason = null) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("Type", "User");
        writer.WriteString("message", message);
        if (reason is not null) writer.WriteString("Reason", reason);
        writer.WriteEndObject();
    });

    /// <summary>A layer's ARN in the function's region and account, named after its folder or zip.</summary>
    public static string LayerArn(FunctionDefinition function, string layer)
    {
        var name = new string([.. Path.GetFileNameWithoutExtension(layer.TrimEnd('/')).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return $"arn:aws:lambda:{function.Region}:{function.AccountId}:layer:{name}:1";
    }

    private static void Configuration(Utf8JsonWriter writer, FunctionPool pool, DateTimeOffset lastModified)
    {
        var function = pool.Definition;
        writer.WriteStartObject();
        writer.WriteString("FunctionName", function.FunctionName);
        writer.WriteString("FunctionArn", function.InvokedFunctionArn);
        writer.WriteString("Runtime", RuntimeOf(function));
        writer.WriteString("Role", $"arn:aws:iam::{function.AccountId}:role/{function.FunctionName}-role");
        writer.WriteString("Handler", function.Handler);
        writer.WriteNumber("CodeSize", 0);
        writer.WriteString("Description", "");
        writer.WriteNumber("Timeout", (int)Math.Ceiling(function.Timeout.TotalSeconds));
        writer.WriteNumber("MemorySize", function.MemorySizeMb);
        writer.WriteString("LastModified", lastModified.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture));
        writer.WriteString("Version", function.Version);
        writer.WriteStartObject("Environment");
        writer.WriteStartObject("Variables");
        foreach (var (key, value) in function.Environment) writer.WriteString(key, value);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("TracingConfig");
        writer.WriteString("Mode", "PassThrough");
        writer.WriteEndObject();
        writer.WriteStartArray("Layers");
        foreach (var layer in pool.Function.Layers)
        {
            writer.WriteStartObject();
            writer.WriteString("Arn", LayerArn(function, layer));
            writer.WriteNumber("CodeSize", File.Exists(layer) ? new FileInfo(layer).Length : 0);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("State", "Active");
        writer.WriteString("LastUpdateStatus", "Successful");
        writer.WriteString("PackageType", "Zip");
        writer.WriteStartArray("Architectures");
        writer.WriteStringValue("x86_64");
        writer.WriteEndArray();
        writer.WriteStartObject("LoggingConfig");
        writer.WriteString("LogFormat", function.LogFormat);
        writer.WriteString("LogGroup", function.LogGroupName);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // AWS_EXECUTION_ENV is "AWS_Lambda_" + the runtime identifier; a function without one is an OS-only runtime.
    private static string RuntimeOf(FunctionDefinition function) =>
        function.ExecutionEnvironment is { } environment && environment.StartsWith("AWS_Lambda_", StringComparison.Ordinal)
            ? environment["AWS_Lambda_".Length..]
            : "provided.al2023";

    private static void Tags(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> tags)
    {
        writer.WriteStartObject("Tags");
        foreach (var (key, value) in tags) writer.WriteString(key, value);
        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        return buffer.ToArray();
    }
}
