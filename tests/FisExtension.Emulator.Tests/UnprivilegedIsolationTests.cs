using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>Isolation without root: each execution environment in a user namespace of its own, mapping only the emulator's
/// user, with its network and mount namespaces inside it; the processes run as that user without capabilities, see the
/// layers at /opt, the Runtime API at 127.0.0.1:9001 and the listed host ports (one below 1024 too), and every
/// environment's FIS extension binds its own 9100. Where the machine forbids it, the command line says why.</summary>
public sealed class UnprivilegedIsolationTests
{
    private const int DelayMilliseconds = 1500;
    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;

    [Fact(Timeout = 180_000)]
    public async Task AsNobody_EachEnvironmentIsIsolatedInAUserNamespaceOfItsOwn_AndEveryEnvironmentsFisExtensionInjectsThroughTheWrapperAtOpt()
    {
        using var scratch = new TempDirectory();
        var faults = scratch.File("faults");
        FisLayer.WriteDelay(faults, "delayed", DelayMilliseconds);
        using var high = new TcpListener(IPAddress.Loopback, 0);
        high.Start();
        using var low = ListenBelow1024();
        int[] hostPorts = [((IPEndPoint)high.LocalEndpoint).Port, ((IPEndPoint)low.LocalEndpoint).Port];
        var answered = Task.WhenAll(HostService.AnswerOnceAsync(high), HostService.AnswerOnceAsync(low));
        var probe = scratch.File("probe");
        File.SetUnixFileMode(scratch.AddExecutable("probe-layer/wrap", $$"""
            #!/bin/bash
            {
              id -u; cat /opt/who; echo "$AWS_LAMBDA_RUNTIME_API"; readlink /proc/self/ns/user; readlink /proc/self/ns/net
              grep CapEff /proc/self/status
              for port in {{string.Join(' ', hostPorts)}}; do echo "$port: $( (exec 3<>/dev/tcp/127.0.0.1/$port && echo ping >&3 && head -n 1 <&3) 2>&1 )"; done
            } > "$PROBE_FILE"
            exec "$@"
            """), Executable);
        File.WriteAllText(scratch.File("probe-layer/who"), "probe\n");
        // Copies nobody can read wherever the checkout is.
        var runtime = UnprivilegedEmulator.CopyForAll(TestPaths.ShellRuntime, scratch.Path);
        var fisLayer = UnprivilegedEmulator.CopyForAll(FisLayer.Folder, scratch.Path);
        File.WriteAllText(scratch.File("stack.json"), $$"""
            {
              "functions": [
                { "functionName": "delayed", "runtimeCommand": ["{{runtime}}"], "timeoutSeconds": 60,
                  "layers": ["{{fisLayer}}"], "reservedConcurrency": 2, "environment": {{JsonSerializer.Serialize(FisLayer.Environment(faults))}} },
                { "functionName": "probe", "runtimeCommand": ["{{runtime}}"], "timeoutSeconds": 30,
                  "layers": ["probe-layer"], "environment": { "AWS_LAMBDA_EXEC_WRAPPER": "/opt/wrap", "PROBE_FILE": "{{probe}}" } }
              ],
              "hostPorts": [{{string.Join(", ", hostPorts)}}]
            }
            """);
        await using var emulator = await UnprivilegedEmulator.StartAsync(scratch.Path, EmulatorUser.Nobody,
            "--stack", "stack.json", "--invoke-port", "0", "--http-port", "0", "--isolation", "namespaces", "--init-timeout", "60");
        var lambdaApi = new Uri(EndpointOf(await emulator.ReadLineStartingWithAsync("Lambda API:")));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };

        var delayed = await Task.WhenAll(Enumerable.Range(1, 2).Select(n => InvokeAsync(client, lambdaApi, "delayed", $$"""{"n":{{n}}}""")));
        var probed = await InvokeAsync(client, lambdaApi, "probe", """{"n":3}""");
        var helpersGone = await Eventually.TrueAsync(() => !HelperRunning(), TimeSpan.FromSeconds(15));
        var beforeStop = NetworkNamespaces.Now();
        var output = await emulator.StopAsync();

        foreach (var (status, body, elapsed, payload) in delayed)
        {
            Assert.True(status == HttpStatusCode.OK, $"{status} {body}\n{output}\n{await emulator.Error}");
            Assert.Equal(payload, body);
            Assert.True(elapsed >= TimeSpan.FromMilliseconds(DelayMilliseconds), $"an invocation took {elapsed.TotalMilliseconds:0} ms");
        }
        foreach (var environment in (int[])[1, 2])
        {
            Assert.Contains($"[delayed#{environment}] [extension:fis-extension] AWS FIS EXTENSION - adding {DelayMilliseconds} milliseconds of latency",
                output, StringComparison.Ordinal);
        }
        Assert.True(probed.Status == HttpStatusCode.OK, $"{probed.Status} {probed.Body}\n{output}");
        var seen = File.ReadAllLines(probe);
        Assert.Equal(UnprivilegedEmulator.Nobody.ToString(System.Globalization.CultureInfo.InvariantCulture), seen[0]);
        Assert.Equal("probe", seen[1]);
        Assert.Equal("127.0.0.1:9001", seen[2]);
        Assert.NotEqual(new FileInfo("/proc/self/ns/user").LinkTarget, seen[3]);
        Assert.NotEqual(NetworkNamespaces.Of("self"), seen[4]);
        Assert.Equal("CapEff:\t0000000000000000", seen[5]);
        Assert.Equal(hostPorts.Select(p => $"{p}: pong from the host"), seen[6..8]);
        Assert.Equal(["ping", "ping"], (await answered.WaitAsync(TimeSpan.FromSeconds(30))).Select(l => l ?? ""));
        Assert.True(helpersGone, "a --sandbox-listen helper was still running after its environment started");
        Assert.True(await Eventually.TrueAsync(() => !NetworkNamespaces.Live(startedBefore: beforeStop).Contains(seen[4]), TimeSpan.FromSeconds(15)),
            "a process still holds the environment's network namespace after the emulator stopped");
    }

    [Theory(Timeout = 60_000)]
    [InlineData(EmulatorUser.NobodyWhereUserNamespacesAreForbidden, "the emulator is not root, and could not isolate in a user namespace of its own", "allow unprivileged user namespaces")]
    [InlineData(EmulatorUser.RootWithoutCapabilities, "the emulator runs as root without CAP_SYS_ADMIN", "give it CAP_SYS_ADMIN")]
    public async Task WhereNoNamespaceCanBeMade_NamespacesExitsWith2_AndAutoRunsWithoutIsolation_SayingWhyInOneLine(
        EmulatorUser user, string reason, string fix)
    {
        using var opt = new TempDirectory();
        using var work = new TempDirectory();

        await using (var refused = await UnprivilegedEmulator.StartAsync(work.Path, user,
                         "--isolation", "namespaces", "--runtime-api-port", "0", "--invoke-port", "0"))
        {
            var code = await refused.ExitAsync();
            var error = await refused.Error;
            Assert.True(code == 2, $"exit code {code}:\n{refused.Output}\n{error}");
            Assert.Contains($"--isolation namespaces is not possible here: {reason}", error, StringComparison.Ordinal);
            Assert.Contains(fix, error, StringComparison.Ordinal);
            Assert.DoesNotContain("Runtime API:", refused.Output, StringComparison.Ordinal);
        }

        await using var fallback = await UnprivilegedEmulator.StartAsync(work.Path, user,
            "--opt", opt.Path, "--runtime-api-port", "0", "--invoke-port", "0");
        await fallback.ReadLineStartingWithAsync("Runtime API: 127.0.0.1:");
        var notice = Assert.Single(fallback.Output.Split('\n'), l => l.StartsWith("[emulator] isolation none:", StringComparison.Ordinal));
        Assert.StartsWith($"[emulator] isolation none: {reason}", notice, StringComparison.Ordinal);
        Assert.Contains(fix, notice, StringComparison.Ordinal);
        Assert.EndsWith($"AWS_LAMBDA_EXEC_WRAPPER={opt.Path}/aws-fis/bootstrap.", notice, StringComparison.Ordinal);
    }

    private static string EndpointOf(string line) => line[line.IndexOf("http://", StringComparison.Ordinal)..].Split(' ')[0];

    private static async Task<(HttpStatusCode Status, string Body, TimeSpan Elapsed, string Payload)> InvokeAsync(
        HttpClient client, Uri lambdaApi, string function, string payload)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri(lambdaApi, $"/2015-03-31/functions/{function}/invocations"), new StringContent(payload));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), clock.Elapsed, payload);
    }

    /// <summary>A port below 1024 of the host's loopback (the test runs as root), which nobody's environments can bind
    /// only once their threshold is lowered.</summary>
    private static TcpListener ListenBelow1024()
    {
        for (var port = 1023; port >= 900; port--)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return listener;
            }
            catch (SocketException)
            {
                listener.Dispose();
            }
        }
        throw new InvalidOperationException("no free port between 900 and 1023");
    }

    private static bool HelperRunning() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit)).Any(process =>
        {
            try
            {
                return File.ReadAllText($"/proc/{process}/cmdline").Contains("--sandbox-listen", StringComparison.Ordinal);
            }
            catch (IOException)
            {
                return false;
            }
        });
}
