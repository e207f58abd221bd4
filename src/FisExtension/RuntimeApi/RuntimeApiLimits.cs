namespace FisExtension.RuntimeApi;

/// <summary>How large a runtime's request head may be for the proxy to accept it (see ProxyHost's limits).</summary>
internal static class RuntimeApiLimits
{
    /// <summary>
    /// Request line, and separately all headers: twice what Lambda's Go server accepts for both together
    /// (1 MiB + 4 KiB), so that everything Lambda accepts passes.
    /// </summary>
    public const int RequestHeadBytes = 2 * 1024 * 1024;

    /// <summary>As many headers as fit in <see cref="RequestHeadBytes"/>: the smallest header line, <c>a:\r\n</c>, is 4 bytes.</summary>
    public const int RequestHeaderCount = RequestHeadBytes / 4;

    /// <summary>Kestrel holds a whole request line, or a whole header line, in its buffer: room for the largest of either.</summary>
    public const long RequestBufferBytes = 2L * RequestHeadBytes;
}
