using System.Text.Json.Serialization;

namespace FisExtension.Experiments.LambdaApi;

/// <summary>Lambda's REST API names fields in PascalCase; matching is case-insensitive for the odd <c>message</c>.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ListFunctionsResponse))]
[JsonSerializable(typeof(FunctionConfiguration))]
[JsonSerializable(typeof(ListTagsResponse))]
[JsonSerializable(typeof(LambdaErrorResponse))]
internal sealed partial class LambdaApiJsonContext : JsonSerializerContext;
