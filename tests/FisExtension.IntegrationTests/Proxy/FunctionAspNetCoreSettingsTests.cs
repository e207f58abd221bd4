using System.Net;
using FisExtension.Contract.Logs;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Proxy;

/// <summary>
/// The extension inherits the function's environment, and ASP.NET Core functions set ASP.NET Core's variables. The
/// proxy's Kestrel reads no configuration, so none of them reaches it.
/// </summary>
public sealed class FunctionAspNetCoreSettingsTests
{
    [Fact(Timeout = 60_000)]
    public async Task AspNetCoreVariablesOfTheFunction_NeitherMoveNorLimitNorLoudenTheProxy()
    {
        var port = FreePort.Next();
        await using var harness = await ExtensionHarness.StartAsync(new HarnessOptions
        {
            Environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["Kestrel__Limits__MaxRequestBodySize"] = "10",
                ["Kestrel__Limits__MaxRequestHeadersTotalSize"] = "100",
                ["Logging__LogLevel__Default"] = "Trace",
                ["Logging__Console__FormatterName"] = "json",
            },
        });
        using var runtime = harness.RuntimeThroughProxy();
        var payload = new byte[100_000];
        new Random(20261203).NextBytes(payload);

        var invoke = harness.Emulator.InvokeAsync(payload);
        var next = await runtime.NextAsync();
        using var posted = await runtime.PostResponseAsync(next.RequestId, payload, new Dictionary<string, string>());
        var result = await invoke;

        Assert.Equal(payload, next.Event);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(payload, result.Payload);
        var notOurs = ExtensionOutput.Lines(harness).Where(line => !line.StartsWith(ExtensionLogLines.Prefix, StringComparison.Ordinal)).ToList();
        Assert.True(notOurs.Count == 0, "lines the extension did not write itself: " + string.Join(" | ", notOurs));
    }
}
