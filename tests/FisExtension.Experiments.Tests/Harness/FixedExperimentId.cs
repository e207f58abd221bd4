using FisExtension.Experiments.Running;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>Names every experiment the same, so tests know the object keys.</summary>
public sealed class FixedExperimentId(string id) : IExperimentIdSource
{
    public string NextId() => id;
}
