namespace FisExtension.Emulator.Logging;

/// <summary>Prefixes of the log stream's lines.</summary>
internal static class LogSources
{
    public const string Runtime = "runtime";
    public const string Emulator = "emulator";

    public static string Extension(string name) => $"extension:{name}";
}
