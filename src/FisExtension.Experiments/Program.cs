using FisExtension.Experiments.Cli;

// fisctl: parse the command line, run the command with the process's clock, randomness, environment and console.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await FisctlCommandLine.RunAsync(args, FisctlServices.FromProcess(), cancellation.Token);
