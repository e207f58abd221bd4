using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace FisExtension.Benchmarks;

/// <summary>A proxy extension (the published <c>fis-extension</c>, or the Rust reference) running as a child process against the fake API, its output kept.</summary>
internal sealed class ExtensionProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ExtensionProcess(Process process, int listenerPort, long startedTimestamp)
    {
        _process = process;
        ListenerPort = listenerPort;
        StartedTimestamp = startedTimestamp;
    }

    public int Id => _process.Id;

    public int ListenerPort { get; }

    /// <summary>Taken immediately before <see cref="Process.Start()"/>, so fork and exec count as start-up.</summary>
    public long StartedTimestamp { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Every stdout and stderr line so far, stderr lines marked.</summary>
    public IReadOnlyCollection<string> Output => _output;

    public static ExtensionProcess Start(ProxySubject subject, string runtimeApi)
    {
        var listenerPort = FreePort.Next();
        var info = new ProcessStartInfo(subject.BinaryPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in subject.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Only what Lambda would hand an extension; nothing inherited from the bench (ASPNETCORE_*, DOTNET_*).
        info.Environment.Clear();
        info.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        info.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        info.Environment[subject.PortVariable] = listenerPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["AWS_LAMBDA_FUNCTION_NAME"] = FaultConfigurationFolder.FunctionName;
        info.Environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        info.Environment["AWS_REGION"] = "us-east-1";
        foreach (var (name, value) in subject.Environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var extension = new ExtensionProcess(process, listenerPort, Stopwatch.GetTimestamp());
        process.OutputDataReceived += (_, line) => extension.Keep(line.Data, "");
        process.ErrorDataReceived += (_, line) => extension.Keep(line.Data, "stderr: ");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return extension;
    }

    /// <summary>Waits for exit and returns the timestamp at which it was seen, or null on timeout (the process is then killed).</summary>
    public async Task<long?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return Stopwatch.GetTimestamp();
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
            return null;
        }
    }

    /// <summary>Reads one kB field (<c>VmRSS</c>, <c>VmHWM</c>, <c>RssAnon</c>, …) of <c>/proc/&lt;pid&gt;/status</c>.</summary>
    public long ReadStatusKiB(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var value = line[(field.Length + 1)..].Trim();
                return long.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{_process.Id}/status has no {field}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Keep(string? line, string marker)
    {
        if (line is not null)
        {
            _output.Enqueue(marker + line);
        }
    }
}
