using System.Text.Json;
using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.State;

/// <summary>Finds the objects in a configuration folder (<c>&lt;function&gt;/&lt;experiment-id&gt;-&lt;action&gt;.json</c>), so a crashed fisctl's objects can be stopped too.</summary>
public static class FaultObjectScanner
{
    /// <summary>Each object file with the experimentId in its JSON; files that are not v1 objects are left alone.</summary>
    public static IReadOnlyList<(string Path, string ExperimentId)> Scan(ConfigurationFolder folder)
    {
        if (!Directory.Exists(folder.Path))
        {
            return [];
        }

        var found = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(folder.Path, "*-*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize(File.ReadAllBytes(file), StateJsonContext.Default.ObjectExperimentId) is { ExperimentId: { Length: > 0 } id })
                {
                    found.Add((file, id));
                }
            }
            catch (Exception exception) when (exception is JsonException or IOException)
            {
                // Not an object fisctl or FIS wrote: not ours to delete.
            }
        }

        return found;
    }
}
