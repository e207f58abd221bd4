namespace FisExtension.Benchmarks;

/// <summary>An extension process that has registered with the fake API; disposing it kills it if still alive.</summary>
internal sealed class RunningExtension : IDisposable
{
    private static readonly TimeSpan RegistrationTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Lambda's whole shutdown budget with external extensions; beyond it Lambda would SIGKILL.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(2);

    private readonly ILambdaApiDouble _api;
    private readonly ExtensionOutputAudit _audit;

    private RunningExtension(ILambdaApiDouble api, ExtensionOutputAudit audit, ExtensionProcess process, Registration registration)
    {
        _api = api;
        _audit = audit;
        Process = process;
        Registration = registration;
    }

    public ExtensionProcess Process { get; }

    public Registration Registration { get; }

    /// <summary>The proxy's <c>host:port</c>, what the wrapper would put in <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string ProxyAddress => $"127.0.0.1:{Process.ListenerPort}";

    public double StartToRegisteredMilliseconds => Elapsed.Milliseconds(Process.StartedTimestamp, Registration.ArrivedTimestamp);

    public static Task<RunningExtension> StartAsync(ILambdaApiDouble api, BenchOptions options, ExtensionOutputAudit audit) =>
        StartAsync(api, ProxySubject.FisExtension(options), audit);

    public static async Task<RunningExtension> StartAsync(ILambdaApiDouble api, ProxySubject subject, ExtensionOutputAudit audit)
    {
        var process = ExtensionProcess.Start(subject, api.Address);
        try
        {
            var registration = await api.NextRegistrationAsync(RegistrationTimeout);
            return new RunningExtension(api, audit, process, registration);
        }
        catch (TimeoutException)
        {
            var exited = process.HasExited ? $"exited with {process.ExitCode}" : "still running";
            var output = string.Join(Environment.NewLine, process.Output);
            process.Dispose();
            audit.Add(process.Output);
            throw new InvalidOperationException($"{subject.Name} did not register within {RegistrationTimeout.TotalSeconds} s ({exited}). Output:{Environment.NewLine}{output}");
        }
    }

    /// <summary>Sends SHUTDOWN and returns the milliseconds until the process exited, or null if it outlived Lambda's
    /// budget (or <paramref name="timeout"/>, for a process slowed on purpose), after which it is killed.</summary>
    public async Task<double?> ShutdownAsync(TimeSpan? timeout = null)
    {
        var sent = System.Diagnostics.Stopwatch.GetTimestamp();
        await _api.SendShutdownAsync(Registration.ExtensionId);
        var exited = await Process.WaitForExitAsync(timeout ?? ShutdownTimeout);
        return exited is { } at ? Elapsed.Milliseconds(sent, at) : null;
    }

    public void Dispose()
    {
        var exitCode = Process.HasExited ? Process.ExitCode : (int?)null;
        Process.Dispose();
        _audit.Add(Process.Output);
        if (exitCode is not (null or 0))
        {
            _audit.Add([$"(the process exited with code {exitCode})"]);
        }
    }
}
