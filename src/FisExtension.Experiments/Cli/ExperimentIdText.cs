namespace FisExtension.Experiments.Cli;

/// <summary>Experiment ids as FIS and fisctl make them: letters and digits only, so an id never names a path.</summary>
public static class ExperimentIdText
{
    public static bool IsValid(string? id) => id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiLetterOrDigit);

    public static string ProblemWith(string id) => $"\"{id}\" is not an experiment id (letters and digits, e.g. EXPa1b2c3d4e5f6g7). 'fisctl experiment list' shows the running ones.";
}
