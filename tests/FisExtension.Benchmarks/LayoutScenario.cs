using System.Globalization;
using FisExtension.Tests.Configuration.Support;

namespace FisExtension.Benchmarks;

/// <summary>One run of the extension for <see cref="LayoutProfile"/>: its environment, the fault object it finds
/// (in a folder, or put into s3rver before it starts), and how many invocations of each size go through it.</summary>
internal sealed class LayoutScenario : IDisposable
{
    private const int FaultedPairs = 10;

    private readonly Func<Task> _prepare;
    private readonly FaultConfigurationFolder? _folder;

    // What Lambda gives every extension beyond what ExtensionProcess sets (Lambda's "Defined runtime environment
    // variables"): the locale and time zone decide which encoding and time zone code the extension runs.
    private static readonly Dictionary<string, string> Lambda = new()
    {
        ["LANG"] = "en_US.UTF-8",
        ["TZ"] = ":UTC",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "128",
        ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
        ["LD_LIBRARY_PATH"] = "/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib",
    };

    private LayoutScenario(string name, string shows, IReadOnlyDictionary<string, string> environment, int smallPairs, int largePairs, Func<Task> prepare, FaultConfigurationFolder? folder)
    {
        Name = name;
        Shows = shows;
        Environment = new Dictionary<string, string>(Lambda.Concat(environment));
        SmallPairs = smallPairs;
        LargePairs = largePairs;
        _prepare = prepare;
        _folder = folder;
    }

    public string Name { get; }

    /// <summary>Part of a line the extension prints only if the scenario did what it is for (polled, applied the fault).</summary>
    public string Shows { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public int SmallPairs { get; }

    public int LargePairs { get; }

    /// <summary>Events of 1 MiB from <c>/next</c> instead of a small one.</summary>
    public bool LargeEvents { get; private init; }

    /// <summary>After its invocations: a <c>/next</c> the runtime gives up on, seconds idle, and SHUTDOWN while a
    /// <c>/next</c> waits, as Lambda's SHUTDOWN usually finds it.</summary>
    public bool WithIdleAndAbandonedRequests { get; private init; }

    public Task PrepareAsync() => _prepare();

    public static LayoutScenario WithoutLocation(string name, int smallPairs, int largePairs) =>
        new(name, "AWS_FIS_CONFIGURATION_LOCATION is not set", new Dictionary<string, string>(), smallPairs, largePairs, () => Task.CompletedTask, null)
        {
            WithIdleAndAbandonedRequests = true,
        };

    public static LayoutScenario WithLargeEvents(string name, int pairs) =>
        new(name, "AWS_FIS_CONFIGURATION_LOCATION is not set", new Dictionary<string, string>(), pairs, 0, () => Task.CompletedTask, null)
        {
            LargeEvents = true,
        };

    public static LayoutScenario InFolder(string name, string shows, (string ActionId, Dictionary<string, string> Parameters) fault)
    {
        var folder = FaultConfigurationFolder.WithActiveFault(fault.ActionId, name, fault.Parameters);
        return new(name, shows, folder.ConfigureExtension(new BenchOptions()).ExtensionEnvironment, FaultedPairs, 1, () => Task.CompletedTask, folder);
    }

    /// <summary>A location in s3rver of its own (<c>s3://bucket/&lt;name&gt;/</c>), with the fault object put there
    /// (anonymously: s3rver takes unsigned requests) before the extension starts, or left empty.</summary>
    public static LayoutScenario InS3(S3rverProcess s3, string name, string shows, (string ActionId, Dictionary<string, string> Parameters)? fault)
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_FIS_CONFIGURATION_LOCATION"] = $"s3://{S3rverProcess.Bucket}/{name}/",
            ["AWS_ENDPOINT_URL_S3"] = s3.Endpoint,
            ["AWS_ACCESS_KEY_ID"] = S3rverProcess.Credential,
            ["AWS_SECRET_ACCESS_KEY"] = S3rverProcess.Credential,
            ["AWS_SESSION_TOKEN"] = "profile-layout",
            ["AWS_FIS_POLL_MAX_WAIT_MILLISECONDS"] = FaultConfigurationFolder.PollMaxWaitMilliseconds.ToString(CultureInfo.InvariantCulture),
        };
        return new(name, shows, environment, FaultedPairs, 1, async () =>
        {
            if (fault is not { } put)
            {
                return;
            }

            using var http = new HttpClient();
            var key = $"{name}/{FaultConfigurationFolder.FunctionName}/{FaultConfigurationFolder.ObjectName(name)}";
            using var content = new ByteArrayContent(FaultConfigurationFolder.ActiveFaultObject(put.ActionId, name, put.Parameters));
            (await http.PutAsync(new Uri($"{s3.Endpoint}/{S3rverProcess.Bucket}/{key}"), content)).EnsureSuccessStatusCode().Dispose();
        }, null);
    }

    public void Dispose() => _folder?.Dispose();
}
