using System.Text.Json;

namespace FisExtension.Emulator.Configuration;

/// <summary>Reads a JSON configuration file into a document, turning a missing file or invalid JSON into one message
/// that names the file, the line and the fix.</summary>
internal static class ConfigurationFile
{
    public static JsonDocument Parse(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{path}: cannot be read ({e.Message}). Check the path and its permissions.", e);
        }
        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            throw new ConfigurationException(
                $"{path}: is not valid JSON{where}: {FirstSentence(e.Message)} Fix the JSON (no trailing commas, no comments, strings in double quotes).", e);
        }
    }

    // JsonException messages end with " LineNumber: n | BytePositionInLine: m.", which the message already says better,
    // and some advise changing the reader's options, which is advice for programmers, not for the file's author.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message[..cut] : message).Trim();
        return text.Replace(" Change the reader options.", "", StringComparison.Ordinal);
    }
}
