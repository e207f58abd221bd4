namespace FisExtension.Tests.Faults;

/// <summary>The real-shaped events in <c>../shared/data/lambda-events/</c>, beside the repository root.</summary>
internal static class SharedLambdaEvents
{
    public const string ApiGatewayV1 = "proxy-event.json";
    public const string ApiGatewayV1Binary = "apigateway-binary-request.json";
    public const string HttpApiV2 = "http-api-v2-request.json";
    public const string AlbSingleValue = "alb-request-single-value.json";
    public const string AlbMultiValue = "alb-request-multi-value.json";

    public static readonly string[] NonAlbEvents =
    [
        ApiGatewayV1, ApiGatewayV1Binary, HttpApiV2,
        "sqs-event.json", "sns-event.json", "s3-event.json", "dynamodb-event.json", "kinesis-event.json",
    ];

    public static byte[] Read(string fileName) => File.ReadAllBytes(Path.Combine(Folder(), fileName));

    private static string Folder() => Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "data", "lambda-events"));
}
