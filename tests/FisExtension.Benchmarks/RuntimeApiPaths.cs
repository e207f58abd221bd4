namespace FisExtension.Benchmarks;

/// <summary>The Runtime API paths the bench's runtimes and its fake API share, and the wrapper's probe of the proxy.</summary>
internal static class RuntimeApiPaths
{
    public const string Next = "/2018-06-01/runtime/invocation/next";

    /// <summary>Followed by <c>{request id}/response</c> or <c>{request id}/error</c>.</summary>
    public const string Invocation = "/2018-06-01/runtime/invocation/";

    /// <summary>What the layer's wrapper asks the proxy before it starts the runtime.</summary>
    public const string ProxyReady = "/aws-fis/ready";
}
