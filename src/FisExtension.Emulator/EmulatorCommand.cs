using FisExtension.Emulator.Stack;

namespace FisExtension.Emulator;

/// <summary>The <c>fis-emulator</c> executable: parse → start → init → serve until Ctrl+C → shut down.</summary>
internal static class EmulatorCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        EmulatorCommandLine commandLine;
        try
        {
            commandLine = EmulatorCommandLine.Parse(args);
        }
        catch (Configuration.ConfigurationException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }
        if (commandLine.ShowHelp)
        {
            Console.WriteLine(EmulatorCommandLine.Usage);
            return 0;
        }
        if (commandLine.Stack is { } stack) return await StackCommand.RunAsync(stack, commandLine).ConfigureAwait(false);

        using var stop = new StopSignal();
        LambdaEmulator started;
        try
        {
            started = await LambdaEmulator.StartAsync(commandLine.Function, commandLine.Options, stop.Token).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"Cannot listen: {e.Message} Choose other ports with --runtime-api-port and --invoke-port.").ConfigureAwait(false);
            return 1;
        }
        await using var emulator = started;
        Console.WriteLine($"Runtime API: {emulator.RuntimeApiAddress}");
        Console.WriteLine($"Invoke:      curl -d '{{}}' {emulator.InvokeEndpoint}");
        _ = ReportInitAsync(emulator, stop.Token);
        await stop.WaitAsync(commandLine.Options.TimeProvider).ConfigureAwait(false);
        var shutdown = await emulator.ShutdownAsync().ConfigureAwait(false);
        Console.WriteLine($"Shut down in {shutdown.Duration.TotalMilliseconds:0} ms");
        return 0;
    }

    private static async Task ReportInitAsync(LambdaEmulator emulator, CancellationToken cancellationToken)
    {
        try
        {
            var init = await emulator.InitializeAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine(init.Succeeded
                ? $"Ready: init took {init.Duration.TotalMilliseconds:0} ms"
                : $"Init failed ({init.ErrorType}): {init.ErrorMessage}. The next invoke initialises again.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before init ended.
        }
    }
}
