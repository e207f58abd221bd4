namespace FisExtension.Experiments.Tests.Harness;

/// <summary>The copied sample templates, and template text written to a temporary file that is deleted on dispose.</summary>
public sealed class TemplateFiles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fisctl-test-").FullName;

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Templates", "Samples", name);

    public string Write(string json, string name = "template.json")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
