using System.Net.Http.Headers;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>What the runtime received from <c>/next</c>.</summary>
internal sealed record NextInvocation(int StatusCode, string RequestId, byte[] Event, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
