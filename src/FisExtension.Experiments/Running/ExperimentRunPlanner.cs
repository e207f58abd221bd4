using FisExtension.Experiments.LambdaApi;
using FisExtension.Experiments.Preview;
using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Running;

/// <summary>Turns a plan into the objects each action puts, checking first that every target function has a usable location.</summary>
public static class ExperimentRunPlanner
{
    /// <summary>The run, or null and every function whose location cannot be written (so nothing is started half-way).</summary>
    public static ExperimentRun? Plan(ExperimentPreview plan, string experimentId, out IReadOnlyList<string> problems)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var objects = new Dictionary<string, IReadOnlyList<FaultObjectAddress>>(StringComparer.Ordinal);
        foreach (var scheduled in plan.Schedule.Actions)
        {
            var addresses = new List<FaultObjectAddress>();
            foreach (var function in plan.Targets.Single(t => t.Target.Name == scheduled.Action.TargetName).Selected)
            {
                var location = plan.LocationOf(function);
                if (location is null)
                {
                    found.Add($"function {function.Name} has no {AwsEnvironmentVariables.ConfigurationLocation}, so its extension would read no fault. Set it on the function, or pass --location.");
                }
                else if (ConfigurationFolder.Parse(location, out var problem) is { } folder)
                {
                    addresses.Add(new FaultObjectAddress(folder, function.Name, experimentId, scheduled.Action.Name));
                }
                else
                {
                    found.Add($"function {function.Name}: {problem}");
                }
            }

            objects[scheduled.Action.Name] = addresses;
        }

        problems = [.. found];
        return found.Count == 0 ? new ExperimentRun(experimentId, plan.Schedule, objects) : null;
    }
}
