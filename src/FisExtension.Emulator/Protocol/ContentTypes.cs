namespace FisExtension.Emulator.Protocol;

internal static class ContentTypes
{
    public const string Json = "application/json";
    public const string OctetStream = "application/octet-stream";
    public const string HttpIntegrationResponse = "application/vnd.awslambda.http-integration-response";
}
