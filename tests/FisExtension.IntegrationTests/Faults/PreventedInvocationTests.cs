using System.Globalization;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Faults;

/// <summary>
/// With <c>preventExecution</c> the proxy answers upstream itself and fetches the next event while the runtime's
/// <c>/next</c> keeps waiting: the event the runtime finally gets must be that invocation's own, headers and bytes.
/// </summary>
public sealed class PreventedInvocationTests
{
    [Fact(Timeout = 60_000)]
    public async Task EventAfterPreventedOnes_ReachesTheRuntimeWithItsOwnHeadersAndBytes()
    {
        const int Invocations = 20;
        using var faults = new FaultObjectWriter();
        faults.WriteActive("EXPprev", "inject-error", FaultObjectWriter.InvocationError, new Dictionary<string, object>
        {
            ["invocationPercentage"] = "50",
            ["preventExecution"] = "true",
        });
        var options = FaultFunctions.InTestRuntime(faults, ("AWS_FIS_RANDOM_SEED", "11"));
        await using var harness = await ExtensionHarness.StartAsync(options);
        await using var runtime = EchoRuntime.Start(harness);

        var followingPrevented = 0;
        var previousPrevented = false;
        for (var i = 0; i < Invocations; i++)
        {
            var payload = Json.Event(("n", i), ("pad", new string('y', i * 3)));
            var traceId = $"Root=1-5759e988-bd862e3fe1be46a9{i:x8};Parent=53995c3f42cd8ad8;Sampled=1";
            var clientContext = "{\"custom\":{\"n\":\"" + i.ToString(CultureInfo.InvariantCulture) + "\"}}";
            var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var result = await harness.Emulator.InvokeAsync(payload, new Emulator.InvokeOptions { TraceId = traceId, ClientContext = clientContext });
            var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

            if (result.FunctionError is not null)
            {
                Assert.Equal("FisInjectedError", Json.String(result.Payload, "errorType"));
                Assert.False(runtime.Invocations.ContainsKey(result.RequestId));
                previousPrevented = true;
                continue;
            }

            var received = runtime.Invocations[result.RequestId];
            Assert.Equal(payload, received.Event);
            Assert.Equal(payload, result.Payload);
            Assert.Equal(traceId, received.Header("Lambda-Runtime-Trace-Id"));
            Assert.Equal(clientContext, received.Header("Lambda-Runtime-Client-Context"));
            Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:fis-test-function", received.Header("Lambda-Runtime-Invoked-Function-Arn"));
            // This invocation's own deadline: one function timeout after the invoke call, which is bracketed here (a
            // prevented one's came before it); a window measured afterwards broke under CI-like load.
            var deadline = long.Parse(received.Header("Lambda-Runtime-Deadline-Ms")!, CultureInfo.InvariantCulture);
            var timeout = (long)options.Timeout.TotalMilliseconds;
            Assert.InRange(deadline, before + timeout, after + timeout);
            Assert.Equal(payload.Length, received.ContentHeaders.ContentLength ?? payload.Length);
            followingPrevented += previousPrevented ? 1 : 0;
            previousPrevented = false;
        }

        Assert.True(followingPrevented > 0, "no event followed a prevented one");
    }
}
