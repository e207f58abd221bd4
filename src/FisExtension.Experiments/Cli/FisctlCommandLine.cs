using System.CommandLine;
using System.CommandLine.Help;

namespace FisExtension.Experiments.Cli;

/// <summary>The command tree of fisctl (System.CommandLine). A bad command line exits 2 with the problem named.</summary>
public static class FisctlCommandLine
{
    public static async Task<int> RunAsync(string[] args, FisctlServices services, CancellationToken cancellationToken)
    {
        var root = new RootCommand("fisctl: run AWS FIS experiment templates against Lambda functions, locally or in AWS.")
        {
            new Command("experiment", "Preview and run experiments.")
            {
                new ExperimentOptions().CreateCommand("preview", "Print the functions an experiment would act on and its schedule. Writes nothing.",
                    (request, cancellationToken) => ExperimentPreviewCommand.RunAsync(request, services, cancellationToken)),
            },
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var error in parsed.Errors)
            {
                await services.Error.WriteLineAsync($"fisctl: {error.Message}").ConfigureAwait(false);
            }

            await services.Error.WriteLineAsync($"Run '{string.Join(' ', CommandPath(parsed.CommandResult.Command, root).Prepend("fisctl"))} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = services.Out, Error = services.Error }, cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<string> CommandPath(Command command, RootCommand root) =>
        command == root ? [] : root.Subcommands.SelectMany(s => s == command ? [s.Name] : s.Subcommands.Where(c => c == command).Select(c => $"{s.Name} {c.Name}"));
}
