using System.Diagnostics;
using System.Globalization;

namespace FisExtension.Benchmarks;

/// <summary>A <see cref="FakeApiServer"/> child process and the client of its <c>/bench/…</c> control paths.</summary>
internal sealed class RemoteLambdaApi : ILambdaApiDouble, IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _control;

    private RemoteLambdaApi(Process process, string address)
    {
        _process = process;
        Address = address;
        _control = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri($"http://{address}"), Timeout = TimeSpan.FromSeconds(15) };
    }

    public string Address { get; }

    public int ProcessId => _process.Id;

    public static async Task<RemoteLambdaApi> StartAsync()
    {
        // The same program, as it was started: its apphost, or `dotnet fis-bench.dll`.
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell how this program was started");
        var info = new ProcessStartInfo(self) { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(RemoteLambdaApi).Assembly.Location);
        }

        info.ArgumentList.Add(FakeApiServer.Flag);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {self}");
        var address = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30))
            ?? throw new InvalidOperationException("the fake API process exited before it listened");
        return new RemoteLambdaApi(process, address);
    }

    public async Task<Registration> NextRegistrationAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout + TimeSpan.FromSeconds(1));
        string[] fields;
        try
        {
            fields = (await _control.GetStringAsync("/bench/registration", cancellation.Token)).Split('\n');
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            throw new TimeoutException($"no registration arrived within {timeout.TotalSeconds} s ({exception.Message})");
        }

        return new Registration(fields[0], fields[1], long.Parse(fields[2], CultureInfo.InvariantCulture));
    }

    public async Task SendShutdownAsync(string extensionId)
    {
        using var answer = await _control.PostAsync($"/bench/shutdown/{extensionId}", content: null);
        answer.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
