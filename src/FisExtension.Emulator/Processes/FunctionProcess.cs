using System.Diagnostics;

namespace FisExtension.Emulator.Processes;

/// <summary>A process of the function (runtime or extension) in its own process group, its output captured line by line.</summary>
internal sealed class FunctionProcess : IDisposable
{
    // setsid(1) execs in place when its caller is not a group leader (a fresh child never is), so the PID we see is
    // both the process and its group id.
    private const string SetSid = "setsid";

    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FunctionProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int ProcessGroupId => _process.Id;

    /// <summary>Completes with the exit code when the process itself exits (children may live on in the group).</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public static FunctionProcess Start(string name, IReadOnlyList<string> command, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, Action<string> writeLine)
    {
        var startInfo = new ProcessStartInfo(SetSid)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command) startInfo.ArgumentList.Add(argument);
        startInfo.Environment.Clear();
        foreach (var (key, value) in environment) startInfo.Environment[key] = value;

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var functionProcess = new FunctionProcess(name, process);
        // Exited, unlike WaitForExitAsync, does not wait for the end of the output, which children may hold open.
        process.Exited += (_, _) => functionProcess._exited.TrySetResult(SafeExitCode(process));
        process.Start();
        process.StandardInput.Close();
        _ = PumpAsync(process.StandardOutput, writeLine);
        _ = PumpAsync(process.StandardError, writeLine);
        return functionProcess;
    }

    public bool Signal(int signal) => Signals.SendToGroup(ProcessGroupId, signal);

    public void KillGroup() => Signal(Signals.SigKill);

    public void Dispose() => _process.Dispose();

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private static async Task PumpAsync(StreamReader reader, Action<string> writeLine)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line) writeLine(line);
        }
        catch (IOException)
        {
            // The pipe broke when the group was killed.
        }
        catch (ObjectDisposedException)
        {
            // Disposed during shutdown.
        }
    }
}
