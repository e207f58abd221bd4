namespace FisExtension.RuntimeApi;

/// <summary>Paths of the Lambda Runtime API, version 2018-06-01 (lambda-apis.md §1).</summary>
internal static class RuntimeApiPaths
{
    public const string NextInvocation = "/2018-06-01/runtime/invocation/next";
    public const string InvocationPrefix = "/2018-06-01/runtime/invocation/";
    public const string ResponseSuffix = "/response";
    public const string ErrorSuffix = "/error";

    public static string Response(string requestId) => $"{InvocationPrefix}{Uri.EscapeDataString(requestId)}{ResponseSuffix}";

    public static string Error(string requestId) => $"{InvocationPrefix}{Uri.EscapeDataString(requestId)}{ErrorSuffix}";

    /// <summary>
    /// Reads the request id out of <c>/runtime/invocation/{id}/response</c> or <c>/runtime/invocation/{id}/error</c>.
    /// </summary>
    public static bool TryParseInvocationResult(string path, out string requestId, out bool isError)
    {
        requestId = "";
        isError = false;
        if (!path.StartsWith(InvocationPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path.AsSpan(InvocationPrefix.Length);
        if (rest.EndsWith(ResponseSuffix, StringComparison.Ordinal))
        {
            rest = rest[..^ResponseSuffix.Length];
        }
        else if (rest.EndsWith(ErrorSuffix, StringComparison.Ordinal))
        {
            rest = rest[..^ErrorSuffix.Length];
            isError = true;
        }
        else
        {
            return false;
        }

        if (rest.IsEmpty || rest.Contains('/'))
        {
            return false;
        }

        requestId = Uri.UnescapeDataString(rest.ToString());
        return true;
    }
}
