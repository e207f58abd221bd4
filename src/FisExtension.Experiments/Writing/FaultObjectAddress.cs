namespace FisExtension.Experiments.Writing;

/// <summary>Where one action's object for one function lives: <c>&lt;prefix&gt;&lt;function-name&gt;/&lt;experiment-id&gt;-&lt;action-name&gt;.json</c>.</summary>
public sealed record FaultObjectAddress(ConfigurationFolder Folder, string FunctionName, string ExperimentId, string ActionName)
{
    public string Key => $"{FunctionName}/{ExperimentId}-{ActionName}.json";

    public string FullPath => Path.Combine(Folder.Path, FunctionName, $"{ExperimentId}-{ActionName}.json");
}
