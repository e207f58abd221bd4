namespace FisExtension.Contract.Logs;

/// <summary>
/// What every line the extension and its launcher write starts with, as the AWS FIS extension's lines do, so that
/// searches written for it keep working; fisctl finds the injections in a log tail by it. Linked into the launcher.
/// </summary>
public static class ExtensionLogLines
{
    public const string Prefix = "AWS FIS EXTENSION - ";
}
