using System.Buffers;
using System.Text;
using System.Text.Json;
using FisExtension.Configuration;
using static FisExtension.Telemetry.EmfMetricNames;

namespace FisExtension.Telemetry;

/// <summary>
/// Writes the extension's metrics as CloudWatch Embedded Metric Format lines, one JSON document per event, when
/// <c>AWS_FIS_EXTENSION_METRICS=all</c>. Lambda sends standard output to CloudWatch Logs, which turns each line
/// into metrics in the <c>aws-fis-extension</c> namespace; a disabled writer writes nothing.
/// </summary>
internal sealed class EmfMetricWriter(bool enabled, string functionName, TextWriter output, TimeProvider time)
{
    private readonly Lock _writeLock = new();

    /// <summary>A writer that writes nothing, for when metrics are off.</summary>
    public static EmfMetricWriter Disabled { get; } = new(enabled: false, functionName: "", TextWriter.Null, TimeProvider.System);

    public bool IsEnabled => enabled;

    public static EmfMetricWriter Create(ExtensionOptions options, TextWriter output, TimeProvider time) =>
        options.MetricsEnabled ? new EmfMetricWriter(enabled: true, options.FunctionName, output, time) : Disabled;

    /// <summary>A fault was applied to an invocation: <c>FaultInjected</c> (Count 1) by <c>FaultId</c> and <c>Invocation</c>.</summary>
    public void FaultInjected(string actionId) => WriteFaultCount(EmfMetricNames.FaultInjected, actionId);

    /// <summary>An active fault missed its percentage draw: <c>FaultSkipped</c> (Count 1) by <c>FaultId</c> and <c>Invocation</c>.</summary>
    public void FaultSkipped(string actionId) => WriteFaultCount(EmfMetricNames.FaultSkipped, actionId);

    /// <summary>A poll of the configuration store succeeded: <c>PollLatency</c>, <c>ActiveFaults</c> and <c>ConfigurationAge</c> by <c>Invocation</c>.</summary>
    public void PollCompleted(TimeSpan latency, int activeFaults, TimeSpan configurationAge)
    {
        if (!enabled)
        {
            return;
        }

        Write(json =>
        {
            WriteMetadata(json, [InvocationDimension], (PollLatency, MillisecondsUnit), (ActiveFaults, CountUnit), (ConfigurationAge, SecondsUnit));
            json.WriteString(InvocationDimension, functionName);
            json.WriteNumber(PollLatency, latency.TotalMilliseconds);
            json.WriteNumber(ActiveFaults, activeFaults);
            json.WriteNumber(ConfigurationAge, configurationAge.TotalSeconds);
        });
    }

    /// <summary>
    /// A poll of the configuration store failed: <c>PollErrors</c> (Count 1) by <c>Invocation</c>, and
    /// <c>ConfigurationAge</c> when the store answered before, since a failing store is when the faults go stale.
    /// </summary>
    public void PollFailed(TimeSpan? configurationAge = null)
    {
        if (!enabled)
        {
            return;
        }

        Write(json =>
        {
            if (configurationAge is { } age)
            {
                WriteMetadata(json, [InvocationDimension], (PollErrors, CountUnit), (ConfigurationAge, SecondsUnit));
                json.WriteString(InvocationDimension, functionName);
                json.WriteNumber(PollErrors, 1);
                json.WriteNumber(ConfigurationAge, age.TotalSeconds);
            }
            else
            {
                WriteMetadata(json, [InvocationDimension], (PollErrors, CountUnit));
                json.WriteString(InvocationDimension, functionName);
                json.WriteNumber(PollErrors, 1);
            }
        });
    }

    private void WriteFaultCount(string metric, string actionId)
    {
        if (!enabled)
        {
            return;
        }

        Write(json =>
        {
            WriteMetadata(json, [FaultIdDimension, InvocationDimension], (metric, CountUnit));
            json.WriteString(FaultIdDimension, actionId);
            json.WriteString(InvocationDimension, functionName);
            json.WriteNumber(metric, 1);
        });
    }

    private void WriteMetadata(Utf8JsonWriter json, ReadOnlySpan<string> dimensions, params ReadOnlySpan<(string Name, string Unit)> metrics)
    {
        json.WriteStartObject(Metadata);
        json.WriteNumber(Timestamp, time.GetUtcNow().ToUnixTimeMilliseconds());
        json.WriteStartArray(CloudWatchMetrics);
        json.WriteStartObject();
        json.WriteString(NamespaceField, Namespace);
        json.WriteStartArray(Dimensions);
        json.WriteStartArray();
        foreach (var dimension in dimensions)
        {
            json.WriteStringValue(dimension);
        }

        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteStartArray(Metrics);
        foreach (var (name, unit) in metrics)
        {
            json.WriteStartObject();
            json.WriteString(Name, name);
            json.WriteString(Unit, unit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private void Write(Action<Utf8JsonWriter> writeFields)
    {
        var buffer = new ArrayBufferWriter<byte>(384);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            writeFields(json);
            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);

        // EMF is parsed line by line, so a document must never be split by another write. The lock covers this
        // writer's callers; Console.Out, shared with the log lines, is itself synchronised per WriteLine.
        lock (_writeLock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
