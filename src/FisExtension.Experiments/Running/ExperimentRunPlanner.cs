using FisExtension.Experiments.LambdaApi;
using FisExtension.Experiments.Preview;
using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Running;

/// <summary>
/// Turns a plan into the objects each action puts, checking first that it can run safely here: every target function
/// has a usable location, and no stop condition is an alarm fisctl cannot watch.
/// </summary>
public static class ExperimentRunPlanner
{
    /// <summary>The run, or null and every reason it cannot start (so nothing is started half-way).</summary>
    public static ExperimentRun? Plan(ExperimentPreview plan, string experimentId, out IReadOnlyList<string> problems)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);

        // An alarm is the user's safety net; running without it is not what the template asks for.
        foreach (var alarm in plan.Template.StopConditions.Where(c => c.Source == TemplateFields.StopConditionAlarm))
        {
            found.Add($"stop condition {alarm.Value} is a CloudWatch alarm, which fisctl cannot watch yet: the experiment would run without that safety net. "
                + "For a local run use a template with \"stopConditions\": [{\"source\": \"none\"}].");
        }

        var objects = new Dictionary<string, IReadOnlyList<FaultObjectAddress>>(StringComparer.Ordinal);
        foreach (var scheduled in plan.Schedule.Actions)
        {
            var addresses = new List<FaultObjectAddress>();
            foreach (var function in plan.FunctionsOf(scheduled.Action))
            {
                var location = plan.LocationOf(function);
                if (location is null)
                {
                    found.Add($"function {function.Name} has no {AwsEnvironmentVariables.ConfigurationLocation}, so its extension would read no fault. Set it on the function, or pass --location.");
                }
                else if (ConfigurationLocationParser.TryParse(location, out var parsed, out var problem))
                {
                    addresses.Add(new FaultObjectAddress(parsed, function.Name, experimentId, scheduled.Action.Name));
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
