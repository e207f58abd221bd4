using FisExtension.Experiments.Cli;

// fisctl: stop on Ctrl-C or SIGTERM by cancelling, then run the command line with the process's clock,
// randomness, environment and console.
using var stop = new StopSignals();
return await FisctlCommandLine.RunAsync(args, FisctlServices.FromProcess(), stop.Token);
