namespace FisExtension.Emulator.Stack;

/// <summary><c>fis-emulator --stack</c>: start the stack, serve until Ctrl+C or SIGTERM, shut every environment down.</summary>
internal static class StackCommand
{
    public static async Task<int> RunAsync(StackDefinition definition, EmulatorCommandLine commandLine)
    {
        using var stop = new StopSignal();
        ServerlessStack started;
        try
        {
            started = await ServerlessStack.StartAsync(definition, commandLine.Options, commandLine.Options.InvokePort, commandLine.HttpPort, stop.Token)
                .ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"Cannot listen: {e.Message} Choose other ports with --invoke-port and --http-port.").ConfigureAwait(false);
            return 1;
        }
        await using var stack = started;
        Console.WriteLine($"Lambda API: {stack.LambdaApiEndpoint}  (aws lambda list-functions --endpoint-url {stack.LambdaApiEndpoint})");
        Console.WriteLine($"HTTP API:   {stack.HttpApiEndpoint}");
        foreach (var route in definition.HttpApi?.Routes ?? []) Console.WriteLine($"  {route.RouteKey} -> {route.FunctionName} (payload {route.PayloadFormatVersion})");
        await stop.WaitAsync(commandLine.Options.TimeProvider).ConfigureAwait(false);
        return 0;
    }
}
