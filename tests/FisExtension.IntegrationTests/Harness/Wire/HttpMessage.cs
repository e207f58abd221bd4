namespace FisExtension.IntegrationTests.Harness.Wire;

/// <summary>An HTTP/1.x request or response as it was written to, or read from, a socket.</summary>
internal sealed record HttpMessage(string StartLine, IReadOnlyList<HeaderField> Headers, byte[] Body, IReadOnlyList<HeaderField> Trailers)
{
    public string Method => StartLine.Split(' ')[0];

    /// <summary>The request target; for a response, the status code.</summary>
    public string Target => StartLine.Split(' ')[1];

    public string Version => StartLine.Split(' ')[^1];

    public int StatusCode => int.Parse(StartLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

    public bool IsChunked => Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;

    public bool Has(string name) => Header(name) is not null;
}
