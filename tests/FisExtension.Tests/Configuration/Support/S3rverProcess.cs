using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FisExtension.Tests.Configuration.Support;

/// <summary>A real s3rver (tests/functions/node_modules) on 127.0.0.1, on a port the OS picks, with one bucket.</summary>
internal sealed partial class S3rverProcess : IAsyncDisposable
{
    public const string Bucket = "fis-configs";
    public const string Credential = "S3RVER";

    private readonly Process _process;
    private readonly string _directory;

    private S3rverProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    public string Endpoint { get; }

    public static async Task<S3rverProcess> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("s3rver-").FullName;
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { ScriptPath(), "--directory", directory, "--address", "127.0.0.1", "--port", "0", "--silent", "--configure-bucket", Bucket },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();

        // s3rver prints "S3rver listening on 127.0.0.1:<port>" once the socket is bound.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                return new S3rverProcess(process, directory, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"s3rver exited before listening (exit code {process.ExitCode})");
    }

    /// <summary>Stops the server abruptly, as a store that becomes unreachable.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string ScriptPath()
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "functions", "node_modules", "s3rver", "bin", "s3rver.js");
        return File.Exists(script) ? script : throw new InvalidOperationException("s3rver is not installed: run `npm ci` in tests/functions.");
    }

    [GeneratedRegex(@"listening on .*:(\d+)$")]
    private static partial Regex ListeningLine();
}
