using System.Runtime.InteropServices;

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
        catch (Exception e) when (e is FormatException or IOException or System.Text.Json.JsonException)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }
        if (commandLine.ShowHelp)
        {
            Console.WriteLine(EmulatorCommandLine.Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        // docker stop and kill send SIGTERM: shut the function down too, or its processes (in their own sessions) outlive us.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
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
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, commandLine.Options.TimeProvider, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C: fall through to the shutdown.
        }
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
