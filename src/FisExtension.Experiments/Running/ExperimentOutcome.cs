namespace FisExtension.Experiments.Running;

public enum ExperimentOutcome
{
    /// <summary>Every action ran to its end and every object was deleted.</summary>
    Completed,

    /// <summary>Stopped early (Ctrl-C, SIGTERM); every object written was deleted at once.</summary>
    Stopped,

    /// <summary>A write or delete failed; the run stopped and deleted what it could.</summary>
    Failed,
}
