namespace FisExtension.IntegrationTests.Harness;

/// <summary>
/// A file the test handlers append the request id to when they run (<c>"markerFile"</c> in the event): the proof
/// that a handler did, or did not, run. Deleted on dispose.
/// </summary>
internal sealed class MarkerFile : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fis-marker-{Guid.NewGuid():N}");

    /// <summary>The request ids of the handlers that ran, in order.</summary>
    public IReadOnlyList<string> RequestIds => File.Exists(Path) ? File.ReadAllLines(Path).Where(l => l.Length > 0).ToList() : [];

    public void Dispose() => File.Delete(Path);
}
