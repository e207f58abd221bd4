using System.Text.Json;

namespace FisExtension.Experiments.State;

/// <summary>Finds the objects under a configuration location (<c>&lt;function&gt;/&lt;experiment-id&gt;-&lt;action&gt;.json</c>), so a crashed fisctl's objects can be stopped too.</summary>
public static class FaultObjectScanner
{
    /// <summary>Each object's key with the experimentId in its JSON; objects that are not v1 objects are left alone.</summary>
    public static async Task<IReadOnlyList<(string Key, string ExperimentId)>> ScanAsync(IFaultObjectWriter store, CancellationToken cancellationToken)
    {
        var found = new List<(string, string)>();
        foreach (var key in await store.ListObjectKeysAsync(cancellationToken).ConfigureAwait(false))
        {
            // <experiment-id>-<action-name>.json: an object fisctl or FIS wrote has a '-' in its name.
            if (!key[(key.LastIndexOf('/') + 1)..].Contains('-', StringComparison.Ordinal)
                || await store.ReadAsync(key, FaultObjectSchema.MaxObjectBytes, cancellationToken).ConfigureAwait(false) is not { } content)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(content, StateJsonContext.Default.ObjectExperimentId) is { ExperimentId: { Length: > 0 } id })
                {
                    found.Add((key, id));
                }
            }
            catch (JsonException)
            {
                // Not an object fisctl or FIS wrote: not ours to delete.
            }
        }

        return found;
    }
}
