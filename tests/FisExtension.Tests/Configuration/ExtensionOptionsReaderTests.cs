using FisExtension.Configuration;
using Microsoft.Extensions.Logging;

namespace FisExtension.Tests.Configuration;

public sealed class ExtensionOptionsReaderTests
{
    private static (ExtensionOptions Options, IReadOnlyList<string> Problems) Read(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return ExtensionOptionsReader.Read(name => map.GetValueOrDefault(name));
    }

    [Fact]
    public void NothingSet_GivesTheDocumentedDefaults()
    {
        var (options, _) = Read((EnvironmentVariables.RuntimeApi, "127.0.0.1:9001"));

        Assert.Equal("127.0.0.1:9001", options.UpstreamRuntimeApi);
        Assert.Equal(9100, options.ListenerPort);
        Assert.Equal(TimeSpan.FromSeconds(60), options.SlowPollInterval);
        Assert.Equal(TimeSpan.FromSeconds(20), options.HotPollInterval);
        Assert.Equal(TimeSpan.Zero, options.PollMaxWait);
        Assert.Equal(LogLevel.Information, options.LogLevel);
        Assert.Equal(LogFormat.Text, options.LogFormat);
        Assert.False(options.MetricsEnabled);
        Assert.Null(options.ConfigurationLocation);
        Assert.Null(options.RandomSeed);
    }

    [Fact]
    public void EveryVariable_IsRead()
    {
        var (options, problems) = Read(
            (EnvironmentVariables.RuntimeApi, "127.0.0.1:9001"),
            (EnvironmentVariables.ProxyRuntimeApiEndpoint, "127.0.0.1:9200"),
            (EnvironmentVariables.ProxyListenerPort, "9300"),
            (EnvironmentVariables.ConfigurationLocation, "s3://bucket/prefix/"),
            (EnvironmentVariables.LogLevel, "warn"),
            (EnvironmentVariables.LogFormat, "JSON"),
            (EnvironmentVariables.ExtensionMetrics, "all"),
            (EnvironmentVariables.SlowPollIntervalSeconds, "90"),
            (EnvironmentVariables.HotPollIntervalSeconds, "2"),
            (EnvironmentVariables.PollMaxWaitMilliseconds, "250"),
            (EnvironmentVariables.RandomSeed, "42"),
            (EnvironmentVariables.FunctionName, "orders"));

        Assert.Empty(problems);
        Assert.Equal("127.0.0.1:9001", options.RuntimeApi);
        Assert.Equal("127.0.0.1:9200", options.UpstreamRuntimeApi);
        Assert.Equal(9300, options.ListenerPort);
        Assert.Equal("s3://bucket/prefix/", options.ConfigurationLocation);
        Assert.Equal(LogLevel.Warning, options.LogLevel);
        Assert.Equal(LogFormat.Json, options.LogFormat);
        Assert.True(options.MetricsEnabled);
        Assert.Equal(TimeSpan.FromSeconds(90), options.SlowPollInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), options.HotPollInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.PollMaxWait);
        Assert.Equal(42, options.RandomSeed);
        Assert.Equal("orders", options.FunctionName);
    }

    [Theory]
    [InlineData(EnvironmentVariables.ProxyListenerPort, "70000")]
    [InlineData(EnvironmentVariables.ProxyListenerPort, "abc")]
    [InlineData(EnvironmentVariables.ProxyListenerPort, "80")]
    [InlineData(EnvironmentVariables.ProxyListenerPort, "+9200")]
    [InlineData(EnvironmentVariables.ProxyListenerPort, "009200")]
    [InlineData(EnvironmentVariables.ProxyListenerPort, "92 00")]
    [InlineData(EnvironmentVariables.LogLevel, "LOUD")]
    [InlineData(EnvironmentVariables.ExtensionMetrics, "some")]
    [InlineData(EnvironmentVariables.PollMaxWaitMilliseconds, "-1")]
    [InlineData(EnvironmentVariables.SlowPollIntervalSeconds, "sixty")]
    public void InvalidValue_KeepsTheDefault_AndNamesTheVariable(string name, string value)
    {
        var (options, problems) = Read((EnvironmentVariables.RuntimeApi, "127.0.0.1:9001"), (name, value));

        var problem = Assert.Single(problems);
        Assert.Contains(name, problem, StringComparison.Ordinal);
        Assert.Contains(value, problem, StringComparison.Ordinal);
        Assert.Equal(9100, options.ListenerPort);
        Assert.Equal(LogLevel.Information, options.LogLevel);
        Assert.False(options.MetricsEnabled);
        Assert.Equal(TimeSpan.Zero, options.PollMaxWait);
        Assert.Equal(TimeSpan.FromSeconds(60), options.SlowPollInterval);
    }

    [Fact]
    public void SlowPollIntervalUnder20_IsRaisedTo20_WithAProblem()
    {
        var (options, problems) = Read((EnvironmentVariables.RuntimeApi, "127.0.0.1:9001"), (EnvironmentVariables.SlowPollIntervalSeconds, "5"));

        Assert.Equal(TimeSpan.FromSeconds(20), options.SlowPollInterval);
        Assert.Contains("under 20", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRuntimeApi_IsAProblem()
    {
        var (_, problems) = Read();
        Assert.Contains(EnvironmentVariables.RuntimeApi, Assert.Single(problems), StringComparison.Ordinal);
    }
}
