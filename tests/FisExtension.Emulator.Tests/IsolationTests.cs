using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using FisExtension.Emulator.Isolation;
using FisExtension.Emulator.Stack;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>Each execution environment in its own network and mount namespaces, as on Lambda: the layers at /opt, the
/// Runtime API at 127.0.0.1:9001, a fixed port (the FIS proxy's 9100) bindable in every environment, host ports relayed
/// in when listed, and nothing left behind.</summary>
public sealed partial class IsolationTests
{
    private const int DelayMilliseconds = 1500;

    [Fact(Timeout = 180_000)]
    public async Task Namespaces_ThreeEnvironmentsInFlight_EachRunsItsOwnFisExtensionThroughTheWrapperAtOpt_AndEveryInvocationIsDelayed()
    {
        using var faults = new TempDirectory();
        using var scratch = new TempDirectory();
        var marker = scratch.File("handled");
        FisLayer.WriteDelay(faults.Path, "delayed", DelayMilliseconds);
        var lines = new ConcurrentQueue<string>();
        var function = new StackFunction
        {
            Definition = Emulators.Shell(environment: FisLayer.Environment(faults.Path), timeout: TimeSpan.FromSeconds(60)) with { FunctionName = "delayed" },
            Layers = [FisLayer.Folder],
            ReservedConcurrency = 3,
        };
        await using var stack = await StartAsync(lines, [], function);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(async i =>
        {
            var payload = $$"""{"n":{{i}},"markerFile":"{{marker}}"}""";
            var clock = Stopwatch.StartNew();
            using var response = await client.InvokeAsync(stack, "delayed", payload);
            return (Payload: payload, response.StatusCode, Body: await response.Content.ReadAsStringAsync(), clock.Elapsed);
        }));

        foreach (var result in results)
        {
            Assert.Equal(HttpStatusCode.OK, result.StatusCode);
            Assert.Equal(result.Payload, result.Body);
            Assert.True(result.Elapsed >= TimeSpan.FromMilliseconds(DelayMilliseconds), $"an invocation took {result.Elapsed.TotalMilliseconds:0} ms");
        }
        Assert.Equal(3, File.ReadAllLines(marker).Length); // the handler ran after each delay
        Assert.Equal(3, stack.EnvironmentsCreated("delayed"));
        var injecting = lines.Select(l => FaultLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(injecting.Count == 3, $"environments that injected the delay: {string.Join(", ", injecting)}\n{string.Join("\n", lines)}");
        Assert.DoesNotContain(lines, l => l.Contains("could not listen", StringComparison.Ordinal));
    }

    [Fact(Timeout = 120_000)]
    public async Task Namespaces_EachFunctionSeesItsOwnLayersAtOpt_InItsOwnNetwork_AndNothingOutlivesTheStack()
    {
        using var scratch = new TempDirectory();
        var a = Probed(scratch, "a", "only-a");
        var b = Probed(scratch, "b", "only-b");
        var probeA = scratch.File("probe-a");
        var probeB = scratch.File("probe-b");

        long beforeDisposal;
        await using (var stack = await StartAsync(new ConcurrentQueue<string>(), [], a.With(probeA), b.With(probeB)))
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            using var invokedA = await client.InvokeAsync(stack, "a", """{"n":1}""");
            using var invokedB = await client.InvokeAsync(stack, "b", """{"n":2}""");
            Assert.Equal("""{"n":1}""", await invokedA.Content.ReadAsStringAsync());
            Assert.Equal("""{"n":2}""", await invokedB.Content.ReadAsStringAsync());
            beforeDisposal = NetworkNamespaces.Now();
        }

        var seenByA = File.ReadAllLines(probeA);
        var seenByB = File.ReadAllLines(probeB);
        Assert.Equal("a", seenByA[0]);
        Assert.Equal("b", seenByB[0]);
        Assert.Contains("only-a", seenByA);
        Assert.DoesNotContain("only-b", seenByA);
        Assert.Contains("only-b", seenByB);
        Assert.DoesNotContain("only-a", seenByB);
        Assert.Equal(FunctionRuntimeApi, seenByA[^2]);
        var own = NetworkNamespaces.Of("self");
        Assert.NotEqual(own, seenByA[^1]);
        Assert.NotEqual(own, seenByB[^1]);
        Assert.NotEqual(seenByA[^1], seenByB[^1]);
        Assert.False(File.Exists("/opt/who"), "the layers were mounted on the machine's own /opt");
        // SIGKILL is delivered asynchronously: the killed processes release their namespace a moment after the stack is disposed.
        Assert.True(await Eventually.TrueAsync(() => !NetworkNamespaces.Live(startedBefore: beforeDisposal).Overlaps([seenByA[^1], seenByB[^1]]), TimeSpan.FromSeconds(15)),
            "a process still holds an environment's network namespace after the stack was disposed");
    }

    [Fact(Timeout = 120_000)]
    public async Task Namespaces_AListedHostPortIsRelayedIntoTheEnvironment_AndAnUnlistedOneIsNotReachable()
    {
        using var scratch = new TempDirectory();
        using var relayed = new TcpListener(IPAddress.Loopback, 0);
        using var unlisted = new TcpListener(IPAddress.Loopback, 0);
        relayed.Start();
        unlisted.Start();
        var relayedPort = ((IPEndPoint)relayed.LocalEndpoint).Port;
        var unlistedPort = ((IPEndPoint)unlisted.LocalEndpoint).Port;
        var probe = scratch.File("probe");
        scratch.AddExecutable("layer/wrap", $$"""
            #!/bin/bash
            reply="$( (exec 3<>/dev/tcp/127.0.0.1/{{relayedPort}} && echo ping >&3 && head -n 1 <&3) 2>&1 )"
            echo "relayed: $reply" >> '{{probe}}'
            if (exec 4<>/dev/tcp/127.0.0.1/{{unlistedPort}}) 2>/dev/null; then echo "unlisted: connected" >> '{{probe}}'; else echo "unlisted: refused" >> '{{probe}}'; fi
            exec "$@"
            """);
        var function = new StackFunction
        {
            Definition = Emulators.Shell(environment: new Dictionary<string, string> { ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/wrap" },
                timeout: TimeSpan.FromSeconds(30)) with { FunctionName = "client" },
            Layers = [scratch.File("layer")],
        };
        var serving = HostService.AnswerOnceAsync(relayed);

        await using var stack = await StartAsync(new ConcurrentQueue<string>(), [relayedPort], function);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var invoked = await client.InvokeAsync(stack, "client", """{"n":1}""");

        Assert.Equal(HttpStatusCode.OK, invoked.StatusCode);
        Assert.Equal("ping", await serving.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(["relayed: pong from the host", "unlisted: refused"], File.ReadAllLines(probe));
        Assert.False(unlisted.Pending());
    }

    private const string FunctionRuntimeApi = "127.0.0.1:9001";

    private static Task<ServerlessStack> StartAsync(ConcurrentQueue<string> lines, int[] hostPorts, params StackFunction[] functions) =>
        ServerlessStack.StartAsync(new StackDefinition { Functions = functions, HostPorts = hostPorts },
            Emulators.Options(lines.Enqueue) with { Isolation = IsolationMode.Namespaces }, 0, 0);

    /// <summary>A function whose layer holds <c>who</c> (its name), a file only it has, and an exec wrapper that writes what
    /// the process sees: /opt/who, the listing of /opt, AWS_LAMBDA_RUNTIME_API and its network namespace.</summary>
    private static ProbedFunction Probed(TempDirectory scratch, string name, string ownFile)
    {
        var layer = scratch.File($"layer-{name}");
        Directory.CreateDirectory(layer);
        File.WriteAllText(Path.Combine(layer, "who"), name + "\n");
        File.WriteAllText(Path.Combine(layer, ownFile), "");
        scratch.AddExecutable($"layer-{name}/wrap", """
            #!/bin/sh
            { cat /opt/who; ls /opt; echo "$AWS_LAMBDA_RUNTIME_API"; readlink /proc/self/ns/net; } > "$PROBE_FILE"
            exec "$@"
            """);
        return new ProbedFunction(name, layer);
    }

    private sealed record ProbedFunction(string Name, string Layer)
    {
        public StackFunction With(string probeFile) => new()
        {
            Definition = Emulators.Shell(environment: new Dictionary<string, string>
            {
                ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/wrap",
                ["PROBE_FILE"] = probeFile,
            }, timeout: TimeSpan.FromSeconds(30)) with { FunctionName = Name },
            Layers = [Layer],
        };
    }

    [GeneratedRegex(@"^\[delayed#(\d+)\] .*adding 1500 milliseconds of latency to function invocation")]
    private static partial Regex FaultLine();
}
