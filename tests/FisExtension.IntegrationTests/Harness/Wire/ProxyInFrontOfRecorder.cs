namespace FisExtension.IntegrationTests.Harness.Wire;

/// <summary>
/// The published extension in the emulator, with its proxy forwarding to a <see cref="RecordingRuntimeApi"/>
/// (<c>AWS_FIS_PROXY_RUNTIME_API_ENDPOINT</c>, the chaining setting) so that the test sees the exact bytes the
/// proxy sends. The extension still registers at the emulator; the test parks the runtime's first <c>/next</c>
/// there directly so that init completes and the extension keeps running.
/// </summary>
internal sealed class ProxyInFrontOfRecorder : IAsyncDisposable
{
    private readonly RuntimeClient _parkedRuntime;

    private ProxyInFrontOfRecorder(ExtensionHarness harness, RecordingRuntimeApi upstream, RuntimeClient parkedRuntime)
    {
        Harness = harness;
        Upstream = upstream;
        _parkedRuntime = parkedRuntime;
    }

    public ExtensionHarness Harness { get; }

    public RecordingRuntimeApi Upstream { get; }

    public string ProxyAddress => Harness.ProxyAddress;

    public static async Task<ProxyInFrontOfRecorder> StartAsync()
    {
        var upstream = new RecordingRuntimeApi();
        var harness = await ExtensionHarness.StartAsync(new HarnessOptions
        {
            Freeze = false,
            LogFormat = "JSON",
            Environment = new Dictionary<string, string> { ["AWS_FIS_PROXY_RUNTIME_API_ENDPOINT"] = upstream.Address },
        });
        var parked = new RuntimeClient(harness.Emulator.RuntimeApiAddress);
        _ = harness.Emulator.InitializeAsync();
        _ = parked.NextAsync();
        Assert.True(await harness.ExtensionLoggedAsync("proxy listening on", TimeSpan.FromSeconds(20)), "the proxy started");
        return new ProxyInFrontOfRecorder(harness, upstream, parked);
    }

    /// <summary>The extension's log messages (JSON format) that are warnings or errors.</summary>
    public IReadOnlyList<string> Warnings() => ExtensionOutput.JsonLines(Harness)
        .Where(line => line.TryGetProperty("level", out var level) && level.GetString() is "WARN" or "ERROR")
        .Select(line => Json.Find(line, "fields", "message")?.GetString() ?? "")
        .ToList();

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        _parkedRuntime.Dispose();
        await Upstream.DisposeAsync();
    }
}
