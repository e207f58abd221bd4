namespace FisExtension.Experiments.Tests.Harness;

/// <summary>A request the fake Lambda API received, with its headers (names lower-case).</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers);
