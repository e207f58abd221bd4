using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace FisExtension.Experiments.Cli;

/// <summary>The command tree of fisctl (System.CommandLine). A bad command line exits 2 with the problem named.</summary>
public static class FisctlCommandLine
{
    public static async Task<int> RunAsync(string[] args, FisctlServices services, CancellationToken cancellationToken)
    {
        var root = new RootCommand("fisctl: plays the part of AWS FIS for Lambda functions: previews and runs FIS experiment templates.")
        {
            RunCommand(services),
            ArtilleryImportCommand.Create(services),
            new Command("experiment", "Preview, run, stop and list experiments.")
            {
                new ExperimentOptions().CreateCommand("preview", "Print the functions an experiment would act on and its schedule. Writes nothing.",
                    (request, cancellationToken) => ExperimentPreviewCommand.RunAsync(request, services, cancellationToken)),
                new ExperimentOptions().CreateCommand("start", "Run an experiment: write each action's fault configuration objects when it starts, delete them when it ends. Ctrl-C stops it.",
                    (request, cancellationToken) => ExperimentStartCommand.RunAsync(request, services, cancellationToken)),
                ExperimentControlCommands.Stop(services),
                ExperimentControlCommands.List(services),
                ExperimentControlCommands.Status(services),
            },
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var error in parsed.Errors)
            {
                await services.Error.WriteLineAsync($"fisctl: {error.Message}").ConfigureAwait(false);
            }

            await services.Error.WriteLineAsync($"Run '{CommandPath(parsed.CommandResult)} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        // fisctl handles Ctrl-C itself (StopSignals), so that stopping always deletes what was written.
        var invocation = new InvocationConfiguration { Output = services.Out, Error = services.Error, ProcessTerminationTimeout = null };
        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static Command RunCommand(FisctlServices services)
    {
        var loadOptions = new LoadOptions();
        return new ExperimentOptions().CreateCommand("run", "Run an experiment as start does, with load at --rate through a steady-state window before it and a recovery window after it, then write the report.",
            loadOptions.AddTo, (request, parsed, cancellationToken) => ExperimentRunCommand.RunAsync(request, loadOptions.Read(parsed), services, cancellationToken));
    }

    /// <summary>"fisctl experiment preview": the root is named fisctl whatever process hosts it (tests run it in-process).</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result is CommandResult current; result = current.Parent)
        {
            names.Insert(0, current.Command is RootCommand ? "fisctl" : current.Command.Name);
        }

        return string.Join(' ', names);
    }
}
