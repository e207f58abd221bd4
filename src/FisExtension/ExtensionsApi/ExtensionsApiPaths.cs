namespace FisExtension.ExtensionsApi;

/// <summary>Paths of the Lambda Extensions API, version 2020-01-01 (lambda-apis.md §2).</summary>
internal static class ExtensionsApiPaths
{
    public const string Register = "/2020-01-01/extension/register";
    public const string NextEvent = "/2020-01-01/extension/event/next";
    public const string InitError = "/2020-01-01/extension/init/error";
    public const string ExitError = "/2020-01-01/extension/exit/error";
}
