using FisExtension.Experiments.Running;
using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>Experiments ready to run, for the runner and its progress line.</summary>
public static class SampleRuns
{
    /// <summary>The harness template (TemplateJson.Valid) started now: slow 0–2 min, then fail 2–3 min, each on orders-get and orders-list in <paramref name="folders"/>.</summary>
    public static ExperimentRun SlowThenFail(ConfigurationFolders folders, TimeProvider time)
    {
        var schedule = ScheduleBuilder.Build(TemplateJson.Read(TemplateJson.Valid).Template!, time);
        var folder = new DirectoryConfigurationLocation(folders.Root);
        IReadOnlyList<FaultObjectAddress> Objects(string action) =>
            [new FaultObjectAddress(folder, "orders-get", "EXP1", action), new FaultObjectAddress(folder, "orders-list", "EXP1", action)];
        return new ExperimentRun("EXP1", schedule, new Dictionary<string, IReadOnlyList<FaultObjectAddress>> { ["slow"] = Objects("slow"), ["fail"] = Objects("fail") });
    }
}
