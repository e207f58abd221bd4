using System.Diagnostics;

namespace FisExtension.Emulator.Processes;

/// <summary>A process of the function (runtime or extension) in its own process group, its output captured line by line.</summary>
internal sealed class FunctionProcess : IDisposable
{
    // setsid(1) execs in place when its caller is not a group leader (a fresh child never is), so the PID we see is
    // both the process and its group id.
    private const string SetSid = "setsid";

    // What a process wrote just before it exited is still in its pipes when the exit is seen. Its lines belong in the
    // log before anything the exit causes (Extension.Crash, a reset), so the exit waits for the output's end, but not
    // for long: a child that inherited the pipes may keep them open.
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromMilliseconds(500);

    private readonly Process _process;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Task> _outputDrained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FunctionProcess(string name, Process process, TimeProvider time)
    {
        Name = name;
        _process = process;
        _time = time;
    }

    public string Name { get; }

    public int ProcessGroupId => _process.Id;

    /// <summary>
    /// Completes with the exit code when the process itself has exited (children may live on in the group) and what it
    /// wrote has been logged.
    /// </summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>The process itself has exited, though what it wrote may not all be logged yet (see <see cref="Exited"/>).</summary>
    public bool ProcessHasExited => _process.HasExited;

    /// <summary>When the exit was seen (the time provider's timestamp), before the output's end; null while it runs.</summary>
    public long? ExitTimestamp { get; private set; }

    /// <param name="enter">A prefix that runs the command in the environment's namespaces (nsenter, which execs in
    /// place too, so the PID is still the group's); none without isolation.</param>
    public static FunctionProcess Start(string name, IReadOnlyList<string> command, string workingDirectory,
        IReadOnlyDictionary<string, string> environment, Action<string> writeLine, TimeProvider time, IReadOnlyList<string>? enter = null)
    {
        IReadOnlyList<string> full = enter is { Count: > 0 } ? [.. enter, SetSid, .. command] : [SetSid, .. command];
        var startInfo = new ProcessStartInfo(full[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in full.Skip(1)) startInfo.ArgumentList.Add(argument);
        startInfo.Environment.Clear();
        foreach (var (key, value) in environment) startInfo.Environment[key] = value;

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var functionProcess = new FunctionProcess(name, process, time);
        // Exited, unlike WaitForExitAsync, does not wait for the end of the output, which children may hold open.
        process.Exited += (_, _) => _ = functionProcess.CompleteExitAsync(SafeExitCode(process));
        process.Start();
        process.StandardInput.Close();
        functionProcess._outputDrained.SetResult(Task.WhenAll(PumpAsync(process.StandardOutput, writeLine), PumpAsync(process.StandardError, writeLine)));
        return functionProcess;
    }

    public bool Signal(int signal) => Signals.SendToGroup(ProcessGroupId, signal);

    public void KillGroup() => Signal(Signals.SigKill);

    public void Dispose() => _process.Dispose();

    private async Task CompleteExitAsync(int exitCode)
    {
        ExitTimestamp = _time.GetTimestamp();
        var drained = await _outputDrained.Task.ConfigureAwait(false);
        await Task.WhenAny(drained, Task.Delay(OutputDrainLimit, _time)).ConfigureAwait(false);
        _exited.TrySetResult(exitCode);
    }

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
