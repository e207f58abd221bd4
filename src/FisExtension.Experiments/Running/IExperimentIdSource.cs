namespace FisExtension.Experiments.Running;

/// <summary>Names each experiment run; the id is part of every object key.</summary>
public interface IExperimentIdSource
{
    string NextId();
}
