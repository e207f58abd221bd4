using System.Runtime.InteropServices;
using FisExtension.Configuration;
using FisExtension.ExtensionsApi;
using FisExtension.Faults;
using FisExtension.Platform;
using FisExtension.RuntimeApi;
using FisExtension.Telemetry;
using Microsoft.Extensions.Logging;

// 0. Socket completions on the socket engine's thread: the runtime reads this once, at the first socket.
SocketScheduling.PreferInlineCompletions(Environment.GetEnvironmentVariable, Environment.SetEnvironmentVariable);

// 1. Read options; a bad value is reported and replaced by its default, never fatal.
var (options, problems) = ExtensionOptionsReader.Read(Environment.GetEnvironmentVariable);
var time = TimeProvider.System;
using var logs = new FisLoggerProvider(options.LogFormat, options.LogLevel, Console.Out, time);
using var loggerFactory = new LoggerFactory([logs]);
var logger = loggerFactory.CreateLogger("FisExtension");
Log.ExtensionEnabled(logger, ExtensionVersion.Current);
foreach (var problem in problems)
{
    Log.OptionProblem(logger, problem);
}

if (options.RuntimeApi.Length == 0)
{
    return 1;
}

var metrics = EmfMetricWriter.Create(options, Console.Out, time);

using var upstream = UpstreamInvokerFactory.Create();
using var shutdown = new CancellationTokenSource();

// Outside Lambda (local runs, Ctrl-C) a signal ends the extension as SHUTDOWN would.
using var onSigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; shutdown.Cancel(); });
using var onSigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; shutdown.Cancel(); });

// 2. Bind the proxy listener before registering: Lambda starts the runtime only after every extension registered.
// Started by the layer's launcher, this process finds both done already (LauncherHandoff).
var handoff = LauncherHandoff.Take(Environment.GetEnvironmentVariable, Environment.SetEnvironmentVariable, options.ListenerPort);
var listener = handoff.Listener ?? ProxyListener.TryBind(options.ListenerPort, logger);

// 3. Register at the original endpoint, under the file name Lambda knows this extension by: argv[0], which the launcher
// passes on when it execs this binary (whose own path is aws-fis/fis-extension, whatever the launcher is called).
var extensionsApi = new ExtensionsApiClient(upstream, options.RuntimeApi);
var extensionName = Path.GetFileName(Environment.GetCommandLineArgs()[0]) is { Length: > 0 } started ? started : "fis-extension";
string extensionId;
try
{
    extensionId = handoff.ExtensionId ?? await extensionsApi.RegisterAsync(extensionName, shutdown.Token);
}
catch (HttpRequestException exception)
{
    Log.StartFailed(logger, $"registration with the Extensions API at {options.RuntimeApi} failed: {exception.Message}");
    return 1;
}

Log.Registered(logger, extensionName, extensionId);

// 4. The fault configuration source, made only now: creating the S3 client takes about 2 ms, and every cold start
// waits for registration. An S3 location needs OpenSSL, and where .NET finds none its first use aborts the process
// (Amazon Linux 2): check before any TLS use, and run without faults when it is missing.
var s3Unusable = OpenSslAvailability.LeavesS3Unusable(options, Environment.GetEnvironmentVariable, logger);
var polls = new PollCompletedSignal();
await using var faults = s3Unusable
    ? new DisabledFaultConfigurationSource()
    : FaultConfigurationSourceFactory.Create(options, loggerFactory, time, new PollObservers([polls, new EmfPollObserver(metrics, time)]));

// 5. Start polling the configuration location in the background; the first poll does not hold up init. It starts
// before the proxy serves, because a runtime waiting in the backlog is served at once and its first invocation
// must wait for this poll (AWS_FIS_POLL_MAX_WAIT_MILLISECONDS), not miss it.
await faults.StartAsync(shutdown.Token);

// 6. Serve the proxy on the bound listener; a runtime that connects meanwhile waits in its backlog.
var injection = new FaultInjection(faults, new FaultPlanner(new SeededRandomSource(options.RandomSeed)), time, new FaultTelemetry(logger, metrics), polls);
var proxy = listener is null ? null : await ProxyHost.TryStartAsync(listener, options, upstream, injection, logs, logger, shutdown.Token);

// 7. Run the event loop until SHUTDOWN, then stop the proxy well inside Lambda's 2,000 ms budget.
var shutdownEvent = await new ExtensionEventLoop(extensionsApi, extensionId, time, logger).RunUntilShutdownAsync(shutdown.Token);
Log.ShuttingDown(logger, shutdownEvent?.ShutdownReason ?? "cancelled");
if (proxy is not null)
{
    await ProxyHost.StopAsync(proxy);
}

return 0;
