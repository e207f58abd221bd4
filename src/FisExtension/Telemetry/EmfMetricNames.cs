namespace FisExtension.Telemetry;

/// <summary>
/// The names of CloudWatch Embedded Metric Format documents and of the extension's metrics. <c>FaultInjected</c>
/// with <c>FaultId</c> and <c>Invocation</c> is what the AWS sample dashboard reads (fis-lambda-actions.md §3);
/// the rest are the project's own.
/// </summary>
internal static class EmfMetricNames
{
    public const string Namespace = "aws-fis-extension";

    // The EMF specification's document fields (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
    public const string Metadata = "_aws";
    public const string Timestamp = "Timestamp";
    public const string CloudWatchMetrics = "CloudWatchMetrics";
    public const string NamespaceField = "Namespace";
    public const string Dimensions = "Dimensions";
    public const string Metrics = "Metrics";
    public const string Name = "Name";
    public const string Unit = "Unit";

    public const string FaultIdDimension = "FaultId";
    public const string InvocationDimension = "Invocation";

    public const string FaultInjected = "FaultInjected";
    public const string FaultSkipped = "FaultSkipped";
    public const string PollLatency = "PollLatency";
    public const string PollErrors = "PollErrors";
    public const string ActiveFaults = "ActiveFaults";
    public const string ConfigurationAge = "ConfigurationAge";

    public const string CountUnit = "Count";
    public const string MillisecondsUnit = "Milliseconds";
    public const string SecondsUnit = "Seconds";
}
