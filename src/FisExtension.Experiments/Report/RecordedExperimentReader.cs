using System.Globalization;
using System.Text.Json;
using FisExtension.Experiments.Load.Artillery;

namespace FisExtension.Experiments.Report;

/// <summary>Reads a <c>report.json</c> written by <c>fisctl run</c> (camel-case <see cref="ExperimentReport"/>) for the
/// experiment's times; a file that is not one is an <see cref="ArtilleryFormatException"/> naming the JSON path.</summary>
public static class RecordedExperimentReader
{
    public static RecordedExperiment Read(string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ArtilleryFormatException(file, "$", $"is not a readable JSON report of 'fisctl run' ({e.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ArtilleryFormatException(file, "$", "is not the report.json of 'fisctl run'.");
            }

            var actions = Property(file, root, "actions", "$", JsonValueKind.Array).EnumerateArray().Select((action, i) =>
            {
                var path = $"$.actions[{i}]";
                return (Text(file, action, "action", path), Time(file, action, "start", path), Time(file, action, "end", path));
            }).ToList();
            return new RecordedExperiment(Text(file, root, "experimentId", "$"), Text(file, root, "template", "$"), Text(file, root, "outcome", "$"),
                Time(file, root, "experimentStart", "$"), Time(file, root, "experimentEnd", "$"), actions);
        }
    }

    private static JsonElement Property(string file, JsonElement parent, string name, string path, JsonValueKind kind) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw new ArtilleryFormatException(file, $"{path}.{name}", $"is missing or not a JSON {kind.ToString().ToLowerInvariant()}: give the report.json of 'fisctl run'.");

    private static string Text(string file, JsonElement parent, string name, string path) => Property(file, parent, name, path, JsonValueKind.String).GetString()!;

    private static DateTimeOffset Time(string file, JsonElement parent, string name, string path) =>
        DateTimeOffset.TryParse(Text(file, parent, name, path), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new ArtilleryFormatException(file, $"{path}.{name}", "is not a date and time.");
}
