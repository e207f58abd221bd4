namespace FisExtension.Emulator.Stack;

/// <summary>What the HTTP API read of a request, for the event it gives the function.</summary>
internal sealed record HttpApiRequest(
    string Method,
    string Path,
    string RawQueryString,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    string SourceIp,
    string RequestId,
    DateTimeOffset Time,
    string Protocol,
    string Host);
