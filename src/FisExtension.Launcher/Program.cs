using FisExtension.Launcher;

// What Lambda starts as /opt/extensions/fis-extension. Lambda starts the runtime only once every extension has
// registered, so registration is on every cold start's critical path. This small program binds the proxy port and
// registers, then execs the extension (aws-fis/fis-extension) in the same process; the extension's own start-up then
// overlaps the runtime's init. Whatever it cannot do it leaves to the extension, which does it and says what went wrong.
var argv = Environment.GetCommandLineArgs();
var extension = ExtensionExec.Locate(Environment.ProcessPath ?? argv[0]);
var api = Ipv4Endpoint.TryParse(Environment.GetEnvironmentVariable(LaunchEnvironment.RuntimeApi));
var extensionName = Path.GetFileName(argv[0]);

// 1. Without the extension there is nothing to hand over: the port is never taken, so the runtime's wrapper finds no
// proxy at once and keeps the original endpoint.
if (!ExtensionExec.IsExecutable(extension))
{
    return FailOpen($"{extension} is missing or not executable", extensionId: null);
}

// 2. Bind the proxy port, then register under the file name Lambda started us by (lambda-apis.md §2).
var listener = ProxyPort.Read(Environment.GetEnvironmentVariable) is { } port && api is not null ? ListeningSocket.TryBind(port) : -1;
var registeredId = listener >= 0 ? ExtensionsApiCalls.TryRegister(api!.Value, extensionName) : null;

// 3. Become the extension; this returns only when exec failed, and then the port is released first.
var errno = ExtensionExec.Exec(extension, argv, registeredId, listener);
ListeningSocket.Close(listener);
return FailOpen($"cannot run {extension} ({Errno.DescribeExecFailure(errno)})", registeredId);

// Fail open: stay registered as an extension that does nothing until SHUTDOWN, so the function runs untouched.
int FailOpen(string problem, string? extensionId)
{
    StandardOutput.WriteLine(LauncherLogLine.Format(
        $"{problem}: no fault is injected; deploy the whole layer (extensions/fis-extension and aws-fis/)",
        Environment.GetEnvironmentVariable(LaunchEnvironment.LogFormat),
        TimeProvider.System.GetUtcNow()));
    if (api is null)
    {
        return 1;
    }

    extensionId ??= ExtensionsApiCalls.TryRegister(api.Value, extensionName);
    return extensionId is not null && ExtensionsApiCalls.WaitForShutdown(api.Value, extensionId) ? 0 : 1;
}
