using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FisExtension.Experiments.LambdaApi;

/// <summary>
/// The read-only part of Lambda's REST API that target resolution needs, against any endpoint: the local stack or
/// <c>https://lambda.&lt;region&gt;.amazonaws.com</c>. The <see cref="HttpClient"/> signs requests (see <see cref="SigV4SigningHandler"/>).
/// </summary>
public sealed class LambdaApiClient(HttpClient http, Uri endpoint)
{
    /// <summary>A guard against an endpoint that hands out markers forever.</summary>
    private const int MaxPages = 1000;

    public Uri Endpoint => endpoint;

    public async Task<IReadOnlyList<FunctionConfiguration>> ListFunctionsAsync(CancellationToken cancellationToken)
    {
        var functions = new List<FunctionConfiguration>();
        string? marker = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var query = $"?{LambdaApiPaths.MaxItemsQuery}={LambdaApiPaths.PageSize}" + (marker is null ? "" : $"&{LambdaApiPaths.MarkerQuery}={Uri.EscapeDataString(marker)}");
            var response = await GetAsync(LambdaApiPaths.ListFunctions + query, LambdaApiJsonContext.Default.ListFunctionsResponse, cancellationToken).ConfigureAwait(false)
                ?? throw new LambdaApiException($"the Lambda API at {endpoint} has no ListFunctions ({LambdaApiPaths.ListFunctions} answered 404). Check --endpoint.");
            functions.AddRange(response.Functions ?? []);
            marker = response.NextMarker;
            if (string.IsNullOrEmpty(marker))
            {
                return functions;
            }
        }

        throw new LambdaApiException($"the Lambda API at {endpoint} listed more than {MaxPages} pages of functions; stopped.");
    }

    /// <summary>Null when the function does not exist.</summary>
    public Task<FunctionConfiguration?> GetFunctionConfigurationAsync(string nameOrArn, CancellationToken cancellationToken) =>
        GetAsync(LambdaApiPaths.GetFunctionConfiguration(nameOrArn), LambdaApiJsonContext.Default.FunctionConfiguration, cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string functionArn, CancellationToken cancellationToken)
    {
        var response = await GetAsync(LambdaApiPaths.ListTags(functionArn), LambdaApiJsonContext.Default.ListTagsResponse, cancellationToken).ConfigureAwait(false);
        return response?.Tags ?? [];
    }

    private async Task<T?> GetAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var uri = new Uri(endpoint, pathAndQuery);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new LambdaApiException($"cannot reach the Lambda API at {endpoint} ({exception.Message}). Start the local stack, or pass --endpoint with its address.", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LambdaApiException($"the Lambda API at {endpoint} did not answer GET {uri.AbsolutePath} within {http.Timeout.TotalSeconds:0} s.", exception);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return Deserialize(body, type, uri) ?? throw new LambdaApiException($"the Lambda API at {endpoint} answered GET {uri.AbsolutePath} with null.");
            }

            var errorType = ErrorType(response);
            if (response.StatusCode == HttpStatusCode.NotFound && errorType is null or LambdaApiHeaders.ResourceNotFound)
            {
                return null;
            }

            var message = TryDeserialize(body, LambdaApiJsonContext.Default.LambdaErrorResponse)?.Message;
            var hint = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                ? $" Check the credentials ({StoreEnvironmentVariables.AccessKeyId}, {StoreEnvironmentVariables.SecretAccessKey}) and the region ({AwsEnvironmentVariables.Region})."
                : "";
            throw new LambdaApiException($"the Lambda API at {endpoint} answered GET {uri.AbsolutePath} with {(int)response.StatusCode} {errorType ?? response.ReasonPhrase}{(message is null ? "" : $": {message}")}.{hint}");
        }
    }

    private T? Deserialize<T>(byte[] body, JsonTypeInfo<T> type, Uri uri)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException exception)
        {
            throw new LambdaApiException($"the Lambda API at {endpoint} answered GET {uri.AbsolutePath} with JSON fisctl cannot read: {exception.Message}", exception);
        }
    }

    private static T? TryDeserialize<T>(byte[] body, JsonTypeInfo<T> type)
    {
        try
        {
            return body.Length == 0 ? default : JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? ErrorType(HttpResponseMessage response) =>
        response.Headers.TryGetValues(LambdaApiHeaders.ErrorType, out var values) ? values.First().Split(':')[0] : null;
}
