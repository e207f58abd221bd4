using System.Text.Json;
using FisExtension.Configuration;
using FisExtension.Faults;
using FisExtension.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace FisExtension.Tests.Telemetry;

public sealed class EmfMetricWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly StringWriter _output = new();
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public void FaultInjected_IsExactlyTheDocumentTheAwsDashboardReads()
    {
        Writer().FaultInjected(FaultActionIds.AddDelay);

        Assert.Equal(
            $$"""{"_aws":{"Timestamp":{{Now.ToUnixTimeMilliseconds()}},"CloudWatchMetrics":[{"Namespace":"aws-fis-extension","Dimensions":[["FaultId","Invocation"]],"Metrics":[{"Name":"FaultInjected","Unit":"Count"}]}]},"FaultId":"aws:lambda:invocation-add-delay","Invocation":"my-function","FaultInjected":1}""",
            SingleLine());
    }

    [Fact]
    public void FaultSkipped_CountsOneByFaultIdAndInvocation()
    {
        Writer().FaultSkipped(FaultActionIds.InvocationError);

        Assert.Equal(
            $$"""{"_aws":{"Timestamp":{{Now.ToUnixTimeMilliseconds()}},"CloudWatchMetrics":[{"Namespace":"aws-fis-extension","Dimensions":[["FaultId","Invocation"]],"Metrics":[{"Name":"FaultSkipped","Unit":"Count"}]}]},"FaultId":"aws:lambda:invocation-error","Invocation":"my-function","FaultSkipped":1}""",
            SingleLine());
    }

    [Fact]
    public void PollCompleted_WritesLatencyActiveFaultsAndAge_ByInvocationOnly()
    {
        Writer().PollCompleted(TimeSpan.FromMilliseconds(73.5), activeFaults: 2, TimeSpan.FromSeconds(21));

        using var document = JsonDocument.Parse(SingleLine());
        var root = document.RootElement;
        var directive = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal(Now.ToUnixTimeMilliseconds(), root.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
        Assert.Equal("aws-fis-extension", directive.GetProperty("Namespace").GetString());
        Assert.Equal("""[["Invocation"]]""", directive.GetProperty("Dimensions").GetRawText());
        Assert.Equal(
            """[{"Name":"PollLatency","Unit":"Milliseconds"},{"Name":"ActiveFaults","Unit":"Count"},{"Name":"ConfigurationAge","Unit":"Seconds"}]""",
            directive.GetProperty("Metrics").GetRawText());
        Assert.Equal(["_aws", "Invocation", "PollLatency", "ActiveFaults", "ConfigurationAge"], root.EnumerateObject().Select(field => field.Name));
        Assert.Equal("my-function", root.GetProperty("Invocation").GetString());
        Assert.Equal(73.5, root.GetProperty("PollLatency").GetDouble());
        Assert.Equal(2, root.GetProperty("ActiveFaults").GetInt32());
        Assert.Equal(21, root.GetProperty("ConfigurationAge").GetDouble());
    }

    [Fact]
    public void PollFailed_CountsOneError_ByInvocationOnly()
    {
        Writer().PollFailed();

        Assert.Equal(
            $$"""{"_aws":{"Timestamp":{{Now.ToUnixTimeMilliseconds()}},"CloudWatchMetrics":[{"Namespace":"aws-fis-extension","Dimensions":[["Invocation"]],"Metrics":[{"Name":"PollErrors","Unit":"Count"}]}]},"Invocation":"my-function","PollErrors":1}""",
            SingleLine());
    }

    [Fact]
    public void PollFailed_AfterAnEarlierSuccess_AlsoWritesTheConfigurationAge()
    {
        Writer().PollFailed(configurationAge: TimeSpan.FromSeconds(95.5));

        Assert.Equal(
            $$"""{"_aws":{"Timestamp":{{Now.ToUnixTimeMilliseconds()}},"CloudWatchMetrics":[{"Namespace":"aws-fis-extension","Dimensions":[["Invocation"]],"Metrics":[{"Name":"PollErrors","Unit":"Count"},{"Name":"ConfigurationAge","Unit":"Seconds"}]}]},"Invocation":"my-function","PollErrors":1,"ConfigurationAge":95.5}""",
            SingleLine());
    }

    [Fact]
    public void Timestamp_ComesFromTheInjectedClock()
    {
        var writer = Writer();

        writer.PollFailed();
        _time.Advance(TimeSpan.FromSeconds(90));
        writer.PollFailed();

        var timestamps = Lines().Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.GetProperty("_aws").GetProperty("Timestamp").GetInt64();
        });
        Assert.Equal([Now.ToUnixTimeMilliseconds(), Now.AddSeconds(90).ToUnixTimeMilliseconds()], timestamps);
    }

    [Fact]
    public void DisabledWriter_WritesNothing_WhereAnEnabledOneWritesEveryEvent()
    {
        using var enabledOutput = new StringWriter();
        var disabled = new EmfMetricWriter(enabled: false, "my-function", _output, _time);
        var enabled = new EmfMetricWriter(enabled: true, "my-function", enabledOutput, _time);

        foreach (var writer in new[] { disabled, enabled })
        {
            writer.FaultInjected(FaultActionIds.AddDelay);
            writer.FaultSkipped(FaultActionIds.AddDelay);
            writer.PollCompleted(TimeSpan.FromMilliseconds(5), 1, TimeSpan.Zero);
            writer.PollFailed();
        }

        Assert.Equal(string.Empty, _output.ToString());
        Assert.Equal(4, enabledOutput.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Create_FollowsTheMetricsOption(bool metricsEnabled)
    {
        var options = new ExtensionOptions { RuntimeApi = "127.0.0.1:9001", UpstreamRuntimeApi = "127.0.0.1:9001", FunctionName = "orders", MetricsEnabled = metricsEnabled };

        var writer = EmfMetricWriter.Create(options, _output, _time);
        writer.PollFailed();

        Assert.Equal(metricsEnabled, writer.IsEnabled);
        Assert.Equal(metricsEnabled ? 1 : 0, Lines().Length);
    }

    [Fact]
    public async Task ConcurrentWrites_EachStayOneWholeJsonLine()
    {
        const int Threads = 4;
        const int Rounds = 20;
        const int EventsPerRound = 250;
        var writer = Writer();
        using var roundStart = new Barrier(Threads);

        // Every round starts all threads together, so that their writes really overlap on a small machine.
        void WriteInRounds()
        {
            for (var i = 0; i < Rounds * EventsPerRound; i++)
            {
                if (i % EventsPerRound == 0)
                {
                    roundStart.SignalAndWait();
                }

                writer.FaultInjected(FaultActionIds.HttpIntegrationResponse);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(_ =>
            Task.Factory.StartNew(WriteInRounds, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)))
            .WaitAsync(TimeSpan.FromSeconds(30));

        var faultIds = Lines().Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.GetProperty("FaultId").GetString();
        }).ToArray();
        Assert.Equal(Threads * Rounds * EventsPerRound, faultIds.Length);
        Assert.All(faultIds, faultId => Assert.Equal(FaultActionIds.HttpIntegrationResponse, faultId));
    }

    private EmfMetricWriter Writer() => new(enabled: true, "my-function", _output, _time);

    private string[] Lines() => _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private string SingleLine() => Assert.Single(Lines());
}
