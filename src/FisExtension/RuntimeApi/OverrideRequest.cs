using FisExtension.Faults;

namespace FisExtension.RuntimeApi;

/// <summary>What the proxy posts upstream in the runtime's place: an injected error or a synthetic HTTP response.</summary>
internal sealed record OverrideRequest(string Path, byte[] Body, string? ErrorType)
{
    public static OverrideRequest For(string requestId, PendingOverride pending) => pending.Fault.Kind == FaultKind.InvocationError
        ? new OverrideRequest(RuntimeApiPaths.Error(requestId), InjectedError.Body(pending.Fault), InjectedError.ErrorType)
        : new OverrideRequest(RuntimeApiPaths.Response(requestId), SyntheticHttpResponse.Create(pending.Fault, pending.EventShape), null);

    public HttpContent ToContent()
    {
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
