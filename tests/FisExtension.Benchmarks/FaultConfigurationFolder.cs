using System.Globalization;
using System.Text.Json;

namespace FisExtension.Benchmarks;

/// <summary>
/// A temporary local configuration location holding one active schema v1 fault object for the function
/// <c>bench</c>, laid out as <c>&lt;dir&gt;/bench/&lt;experiment-id&gt;-&lt;action-name&gt;.json</c>; deleted on dispose.
/// </summary>
internal sealed class FaultConfigurationFolder : IDisposable
{
    /// <summary>The function name <see cref="ExtensionProcess"/> gives the extension, and so the folder it reads.</summary>
    public const string FunctionName = "bench";

    // Long enough that the first invocation always waits for the first poll instead of running without faults.
    public const int PollMaxWaitMilliseconds = 2000;

    private FaultConfigurationFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>Writes the object, active from a minute ago until 30 minutes from now.</summary>
    public static FaultConfigurationFolder WithActiveFault(string actionId, string actionName, IReadOnlyDictionary<string, string> parameters)
    {
        var folder = new FaultConfigurationFolder(Directory.CreateTempSubdirectory("fis-bench-").FullName);
        var functionDirectory = Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, FunctionName));
        File.WriteAllBytes(System.IO.Path.Combine(functionDirectory.FullName, ObjectName(actionName)), ActiveFaultObject(actionId, actionName, parameters));
        return folder;
    }

    /// <summary>The object's name under the function's prefix: <c>&lt;experiment-id&gt;-&lt;action-name&gt;.json</c>.</summary>
    public static string ObjectName(string actionName) => $"BENCH-{actionName}.json";

    /// <summary>A schema v1 object, active from a minute ago until 30 minutes from now.</summary>
    public static byte[] ActiveFaultObject(string actionId, string actionName, IReadOnlyDictionary<string, string> parameters)
    {
        var now = DateTimeOffset.UtcNow;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("experimentId", "BENCH");
            json.WriteString("actionName", actionName);
            json.WriteString("actionId", actionId);
            json.WriteString("startTime", Rfc3339(now.AddMinutes(-1)));
            json.WriteString("endTime", Rfc3339(now.AddMinutes(30)));
            json.WriteStartObject("parameters");
            foreach (var (name, value) in parameters)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The bench's settings with the extension pointed at this folder, and seeded when <paramref name="seed"/> is given.</summary>
    public BenchOptions ConfigureExtension(BenchOptions options, int? seed = null)
    {
        var environment = new Dictionary<string, string>(options.ExtensionEnvironment)
        {
            ["AWS_FIS_CONFIGURATION_LOCATION"] = Path + "/",
            ["AWS_LAMBDA_FUNCTION_NAME"] = FunctionName,
            ["AWS_FIS_POLL_MAX_WAIT_MILLISECONDS"] = PollMaxWaitMilliseconds.ToString(CultureInfo.InvariantCulture),
        };
        if (seed is { } fixedSeed)
        {
            environment["AWS_FIS_RANDOM_SEED"] = fixedSeed.ToString(CultureInfo.InvariantCulture);
        }

        return options with { ExtensionEnvironment = environment };
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
