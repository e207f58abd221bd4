using System.CommandLine;

namespace FisExtension.Experiments.Cli;

/// <summary>The commands that act on running experiments through their records: stop, list and status.</summary>
public static class ExperimentControlCommands
{
    public static Command Stop(FisctlServices services)
    {
        var id = new Argument<string?>("EXPERIMENT_ID") { Description = "The experiment to stop (as start printed it, or as list shows it).", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Stop every experiment recorded, and every object found under --location." };
        var locations = new Option<string[]>("--location") { Description = "Also delete the experiment's objects found under this configuration location, a folder or S3 (repeatable), e.g. those of a crashed fisctl." };
        var command = new Command("stop", "The safety lever: delete every object of an experiment (or --all) at once, and signal the fisctl running it.") { id, all, locations };
        command.SetAction((parsed, cancellationToken) =>
            ExperimentStopCommand.RunAsync(parsed.GetValue(id), parsed.GetValue(all), parsed.GetValue(locations) ?? [], services, cancellationToken));
        return command;
    }

    public static Command List(FisctlServices services)
    {
        var command = new Command("list", "Show each running experiment: template, start, its fisctl process and its objects' locations.");
        command.SetAction((_, cancellationToken) => ExperimentListCommand.RunAsync(services, cancellationToken));
        return command;
    }

    public static Command Status(FisctlServices services)
    {
        var id = new Argument<string>("EXPERIMENT_ID") { Description = "The experiment to show." };
        var command = new Command("status", "Show one running experiment: its actions and which of their objects exist now.") { id };
        command.SetAction((parsed, cancellationToken) => ExperimentStatusCommand.RunAsync(parsed.GetValue(id)!, services, cancellationToken));
        return command;
    }
}
