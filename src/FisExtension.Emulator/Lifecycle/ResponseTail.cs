namespace FisExtension.Emulator.Lifecycle;

/// <summary>What is known when a response ends: the trailers of a stream, and when it ended.</summary>
internal sealed record ResponseTail(string? ErrorTrailerType, string? ErrorTrailerBody, long CompletedTimestamp);
