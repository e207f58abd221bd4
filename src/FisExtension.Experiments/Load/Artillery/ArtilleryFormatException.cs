namespace FisExtension.Experiments.Load.Artillery;

/// <summary>A file that is not the Artillery report fisctl expects, with the JSON path of what is wrong.</summary>
public sealed class ArtilleryFormatException(string file, string jsonPath, string problem)
    : Exception($"{file}: {jsonPath}: {problem}")
{
    public string File => file;

    public string JsonPath => jsonPath;
}
