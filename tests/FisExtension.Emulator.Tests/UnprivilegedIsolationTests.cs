using System.Diagnostics;
using System.Net;
using System.Text.Json;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>Isolation without root: each execution environment in a user namespace of its own, mapping only the emulator's
/// user, with its network and mount namespaces inside it; the processes run as that user, see the layers at /opt and
/// the Runtime API at 127.0.0.1:9001, and every environment's FIS extension binds its own 9100. Where the machine
/// forbids user namespaces, the command line says so as it does without root.</summary>
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
        var probe = scratch.File("probe");
        File.SetUnixFileMode(scratch.AddExecutable("probe-layer/wrap", """
            #!/bin/sh
            { id -u; cat /opt/who; echo "$AWS_LAMBDA_RUNTIME_API"; readlink /proc/self/ns/user; readlink /proc/self/ns/net; } > "$PROBE_FILE"
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
              ]
            }
            """);
        await using var emulator = await UnprivilegedEmulator.StartAsync(scratch.Path, userNamespacesForbidden: false,
            "--stack", "stack.json", "--invoke-port", "0", "--http-port", "0", "--isolation", "namespaces");
        var lambdaApi = new Uri(EndpointOf(await emulator.ReadLineStartingWithAsync("Lambda API:")));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };

        var delayed = await Task.WhenAll(Enumerable.Range(1, 2).Select(n => InvokeAsync(client, lambdaApi, "delayed", $$"""{"n":{{n}}}""")));
        var probed = await InvokeAsync(client, lambdaApi, "probe", """{"n":3}""");
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
        Assert.Equal(HttpStatusCode.OK, probed.Status);
        var seen = File.ReadAllLines(probe);
        Assert.Equal(UnprivilegedEmulator.Nobody.ToString(System.Globalization.CultureInfo.InvariantCulture), seen[0]);
        Assert.Equal("probe", seen[1]);
        Assert.Equal("127.0.0.1:9001", seen[2]);
        Assert.NotEqual(new FileInfo("/proc/self/ns/user").LinkTarget, seen[3]);
        Assert.NotEqual(NetworkNamespaces.Of("self"), seen[4]);
        Assert.True(await Eventually.TrueAsync(() => !NetworkNamespaces.Live().Contains(seen[4]), TimeSpan.FromSeconds(5)),
            "a process still holds the environment's network namespace after the emulator stopped");
    }

    [Fact(Timeout = 60_000)]
    public async Task AsNobody_WhereUserNamespacesAreForbidden_NamespacesExitsWith2_AndAutoRunsWithoutIsolation_SayingWhyInOneLine()
    {
        using var opt = new TempDirectory();
        using var work = new TempDirectory();
        const string Reason = "the emulator is not root, and this machine does not let it create a user namespace to isolate in";

        await using (var refused = await UnprivilegedEmulator.StartAsync(work.Path, userNamespacesForbidden: true,
                         "--isolation", "namespaces", "--runtime-api-port", "0", "--invoke-port", "0"))
        {
            var code = await refused.ExitAsync();
            Assert.True(code == 2, $"exit code {code}:\n{refused.Output}\n{await refused.Error}");
            Assert.Contains($"--isolation namespaces is not possible here: {Reason}", await refused.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Runtime API:", refused.Output, StringComparison.Ordinal);
        }

        await using var fallback = await UnprivilegedEmulator.StartAsync(work.Path, userNamespacesForbidden: true,
            "--opt", opt.Path, "--runtime-api-port", "0", "--invoke-port", "0");
        await fallback.ReadLineStartingWithAsync("Runtime API: 127.0.0.1:");
        var notice = Assert.Single(fallback.Output.Split('\n'), l => l.StartsWith("[emulator] isolation none:", StringComparison.Ordinal));
        Assert.StartsWith($"[emulator] isolation none: {Reason}", notice, StringComparison.Ordinal);
        Assert.Contains("allow unprivileged user namespaces", notice, StringComparison.Ordinal);
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
}
