namespace FisExtension.Experiments.LambdaApi;

/// <summary>The read-only Lambda control-plane REST API (Lambda API reference: ListFunctions, GetFunctionConfiguration, ListTags).</summary>
public static class LambdaApiPaths
{
    public const string ListFunctions = "/2015-03-31/functions/";
    public const string MarkerQuery = "Marker";
    public const string MaxItemsQuery = "MaxItems";

    /// <summary>Lambda answers at most 50 functions per page.</summary>
    public const int PageSize = 50;

    /// <summary>The SigV4 service name of Lambda.</summary>
    public const string SigningService = "lambda";

    public static string GetFunctionConfiguration(string nameOrArn) => $"/2015-03-31/functions/{Uri.EscapeDataString(nameOrArn)}/configuration";

    public static string Invocations(string nameOrArn) => $"/2015-03-31/functions/{Uri.EscapeDataString(nameOrArn)}/invocations";

    public static string ListTags(string functionArn) => $"/2017-03-31/tags/{Uri.EscapeDataString(functionArn)}";
}
