using System.Text.Json;
using FisExtension.Experiments.Running;
using FisExtension.Experiments.Scheduling;

namespace FisExtension.Experiments.State;

/// <summary>
/// One <c>&lt;experiment-id&gt;.json</c> per running experiment in <c>$FISCTL_STATE_DIR</c>, else <c>$XDG_STATE_HOME/fisctl</c>,
/// else <c>~/.local/state/fisctl</c> (the XDG base directory specification's place for state that outlives a process).
/// </summary>
public sealed class ExperimentStateFolder(string path)
{
    public const string StateDirectoryVariable = "FISCTL_STATE_DIR";

    public string Path { get; } = path;

    public static ExperimentStateFolder Resolve(Func<string, string?> getEnvironmentVariable)
    {
        if (getEnvironmentVariable(StateDirectoryVariable) is { Length: > 0 } explicitFolder)
        {
            return new ExperimentStateFolder(explicitFolder);
        }

        var stateHome = getEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg ? xdg
            : System.IO.Path.Combine(getEnvironmentVariable("HOME") is { Length: > 0 } home ? home : System.IO.Path.GetTempPath(), ".local", "state");
        return new ExperimentStateFolder(System.IO.Path.Combine(stateHome, "fisctl"));
    }

    /// <summary>Records the run until the returned handle is disposed (the experiment ended, however it ended).</summary>
    public IDisposable Record(ExperimentRun run, string templatePath, DateTimeOffset startTime, int pid)
    {
        var objects = run.ObjectsByAction.SelectMany(action => action.Value.Select(address => new RecordedObject(action.Key, address.FunctionName, address.Shown, address.Location.Show(), address.Key))).ToList();
        var record = new RunningExperiment(run.ExperimentId, System.IO.Path.GetFullPath(templatePath), Rfc3339.Format(startTime), pid, objects);
        Directory.CreateDirectory(Path);
        var file = FileOf(run.ExperimentId);
        File.WriteAllBytes(file + ".partial", JsonSerializer.SerializeToUtf8Bytes(record, StateJsonContext.Default.RunningExperiment));
        File.Move(file + ".partial", file, overwrite: true);
        return new Recording(() => Remove(run.ExperimentId));
    }

    /// <summary>Every recorded experiment, by id; a file that does not read as a record is skipped.</summary>
    public IReadOnlyList<RunningExperiment> ReadAll()
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        var found = new List<RunningExperiment>();
        foreach (var file in Directory.EnumerateFiles(Path, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize(File.ReadAllBytes(file), StateJsonContext.Default.RunningExperiment) is { ExperimentId: not null, Objects: not null } record)
                {
                    found.Add(record);
                }
            }
            catch (Exception exception) when (exception is JsonException or IOException)
            {
                // Half-written or foreign: not an experiment this folder can stop.
            }
        }

        return found;
    }

    public void Remove(string experimentId) => File.Delete(FileOf(experimentId));

    private string FileOf(string experimentId) => System.IO.Path.Combine(Path, experimentId + ".json");

    private sealed class Recording(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
