using System.Net;
using FisExtension.Emulator;
using FisExtension.Emulator.Stack;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary>What an HTTP caller sees of the published extension's faults through the stack's HTTP API: the shell runtime
/// started through the wrapper in a stack with one environment, called over real HTTP in payload formats 2.0 and 1.0.</summary>
public sealed class FrontDoorTests
{
    private const string FunctionName = "orders";

    [Fact(Timeout = 60_000)]
    public async Task InjectedInvocationError_ReachesTheHttpCallerAs500_InBothPayloadFormats_AndEndsWithTheFault()
    {
        using var faults = new FaultObjectWriter(FunctionName);
        var error = new StagedFault(faults, "EXPdoor1", "inject-error", FaultObjectWriter.InvocationError,
            new Dictionary<string, object> { ["preventExecution"] = "true" });
        error.WritePending();
        await using var door = await FrontDoor.StartAsync(faults);

        using var baseline = await door.PostAsync("/v2/orders");
        error.Activate();
        await door.CallUntilTheExtensionLogsAsync(error.FoundActive);
        using var failedV2 = await door.PostAsync("/v2/orders");
        using var failedV1 = await door.PostAsync("/v1/orders");
        error.Remove();
        await door.CallUntilTheExtensionLogsAsync(ExtensionOutput.NoActiveFaults);
        using var after = await door.PostAsync("/v2/orders");

        Assert.Equal(HttpStatusCode.OK, baseline.StatusCode); // the shell function echoes its event: a 2.0 result without statusCode
        Assert.Equal(HttpStatusCode.InternalServerError, failedV2.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await failedV2.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, failedV1.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await failedV1.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task SyntheticHttpIntegrationResponse_IsTheStatusItNames_WithItsContentTypeAndBody_InBothPayloadFormats()
    {
        using var faults = new FaultObjectWriter(FunctionName);
        var http = new StagedFault(faults, "EXPdoor2", "inject-http", FaultObjectWriter.HttpIntegrationResponse, new Dictionary<string, object>
        {
            ["statusCode"] = "503",
            ["contentTypeHeader"] = "application/json",
            ["preventExecution"] = "true",
        });
        http.WritePending();
        await using var door = await FrontDoor.StartAsync(faults);

        using var baseline = await door.PostAsync("/v1/orders");
        http.Activate();
        await door.CallUntilTheExtensionLogsAsync(http.FoundActive);
        using var syntheticV2 = await door.PostAsync("/v2/orders");
        using var syntheticV1 = await door.PostAsync("/v1/orders");

        Assert.Equal(HttpStatusCode.InternalServerError, baseline.StatusCode); // format 1.0 needs a statusCode the echo lacks
        foreach (var synthetic in new[] { syntheticV2, syntheticV1 })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, synthetic.StatusCode);
            Assert.Equal("application/json", synthetic.Content.Headers.ContentType?.MediaType);
            Assert.Equal("""{"message":"Service Unavailable","source":"aws-fis"}""", await synthetic.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A stack of one function with the layer, one environment (one proxy port), two routes to it. Each call
    /// waits for the invocation's REPORT line: until then the one environment is busy, and the next call would be
    /// throttled, as it is in Lambda with a reserved concurrency of 1. The environment is frozen between calls, so its
    /// extension polls only when a call thaws it, and a loaded machine can make that poll outlast the wait the
    /// invocation gives it (<c>AWS_FIS_POLL_MAX_WAIT_MILLISECONDS</c>): <see cref="CallUntilTheExtensionLogsAsync"/>
    /// calls until the extension says what it now holds, so that the next call is judged on a known snapshot.</summary>
    private sealed class FrontDoor : IAsyncDisposable
    {
        // Under CI-like load another process's output reaches the test host seconds late.
        private static readonly TimeSpan ReportPatience = TimeSpan.FromSeconds(15);

        private static readonly TimeSpan HotPollInterval = TimeSpan.FromSeconds(1); // FaultFunctions

        private readonly SemaphoreSlim _reports = new(0);

        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

        private ServerlessStack _stack = null!;

        private HttpClient _client = null!;

        private string _optDirectory = null!;

        public static async Task<FrontDoor> StartAsync(FaultObjectWriter faults)
        {
            var (function, _) = ExtensionHarness.Function(FaultFunctions.Shell(faults), FunctionName);
            var definition = new StackDefinition
            {
                Functions = [new StackFunction { Definition = function, ReservedConcurrency = 1 }],
                HttpApi = new HttpApiDefinition
                {
                    Routes =
                    [
                        new HttpRoute { RouteKey = "POST /v2/orders", FunctionName = FunctionName, PayloadFormatVersion = HttpRoute.PayloadFormat2 },
                        new HttpRoute { RouteKey = "POST /v1/orders", FunctionName = FunctionName, PayloadFormatVersion = HttpRoute.PayloadFormat1 },
                    ],
                },
            };
            var door = new FrontDoor { _optDirectory = function.OptDirectory! };
            var options = new EmulatorOptions
            {
                LogSink = line =>
                {
                    door._log.Enqueue(line);
                    if (line.Contains("REPORT RequestId:", StringComparison.Ordinal)) door._reports.Release();
                },
            };
            door._stack = await ServerlessStack.StartAsync(definition, options, 0, 0);
            door._client = new HttpClient { BaseAddress = door._stack.HttpApiEndpoint, Timeout = TimeSpan.FromSeconds(45) }; // above the function's 30 s timeout
            return door;
        }

        public async Task<HttpResponseMessage> PostAsync(string path)
        {
            var response = await _client.PostAsync(path, new StringContent("""{"item":"coffee"}"""));
            Assert.True(await _reports.WaitAsync(ReportPatience),
                $"no REPORT line within {ReportPatience} after POST {path} (answered {(int)response.StatusCode}); the stack's last lines:\n{string.Join("\n", _log.TakeLast(60))}");
            return response;
        }

        /// <summary>Calls the function (answers discarded) until a log line written from now on contains <paramref name="text"/>.</summary>
        public async Task CallUntilTheExtensionLogsAsync(string text)
        {
            var from = _log.Count;
            for (var call = 0; call < 20; call++)
            {
                if (_log.Skip(from).Any(line => line.Contains(text, StringComparison.Ordinal)))
                {
                    return;
                }

                (await PostAsync("/v2/orders")).Dispose();
                await Task.Delay(HotPollInterval / 4); // so that 20 calls span several hot polls
            }

            Assert.Fail($"the extension did not log \"{text}\" within 20 calls:\n{string.Join('\n', _log.Skip(from))}");
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _stack.DisposeAsync();
            _reports.Dispose();
            try
            {
                Directory.Delete(_optDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A process still closing its files; the temp folder is cleaned by the system.
            }
        }
    }
}
