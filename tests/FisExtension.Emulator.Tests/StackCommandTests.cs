using System.Diagnostics;
using System.Net;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>The <c>fis-emulator --stack</c> executable: it starts the stack from the file, serves both APIs, and on
/// SIGTERM shuts every environment down (SHUTDOWN to the extensions) and exits 0.</summary>
public sealed class StackCommandTests
{
    [Fact(Timeout = 60000)]
    public async Task Stack_StartsFromTheFile_ServesBothApis_AndShutsTheEnvironmentsDownOnSigterm()
    {
        using var scratch = new TempDirectory();
        var events = scratch.File("events");
        scratch.AddExecutable("layer/extensions/watcher", ExtensionScripts.Standard(eventsFile: events));
        File.WriteAllText(scratch.File("stack.json"), $$"""
            {
              "functions": [{ "functionName": "echo", "runtimeCommand": ["{{TestPaths.ShellRuntime}}"], "layers": ["layer"], "timeoutSeconds": 20 }],
              "httpApi": { "routes": { "GET /hello/{name}": { "function": "echo" } } }
            }
            """);
        var start = new ProcessStartInfo(TestPaths.EmulatorExecutable) { WorkingDirectory = scratch.Path, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--stack", "stack.json", "--invoke-port", "0", "--http-port", "0" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        try
        {
            var lambdaApi = await EmulatorEndpoints.ReadAsync(process.StandardOutput, "Lambda API:");
            var httpApi = await EmulatorEndpoints.ReadAsync(process.StandardOutput, "HTTP API:");
            var output = process.StandardOutput.ReadToEndAsync();
            using var client = new HttpClient();

            using var invoked = await client.PostAsync(new Uri(lambdaApi, "/2015-03-31/functions/echo/invocations"), new StringContent("""{"n":1}"""));
            using var routed = await client.GetAsync(new Uri(httpApi, "/hello/world"));
            using var terminate = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await process.WaitForExitAsync();

            Assert.Equal("""{"n":1}""", await invoked.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, routed.StatusCode);
            Assert.Contains("\"pathParameters\":{\"name\":\"world\"}", await routed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("\"shutdownReason\":\"spindown\"", File.ReadAllText(events), StringComparison.Ordinal);
            Assert.Contains("[echo#1] [emulator] SHUTDOWN reason: spindown", await output, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
