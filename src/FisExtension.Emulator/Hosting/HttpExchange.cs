using FisExtension.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace FisExtension.Emulator.Hosting;

/// <summary>Reading bounded bodies and writing small answers.</summary>
internal static class HttpExchange
{
    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static Task WriteAsync(HttpResponse response, int statusCode, byte[] body, string contentType = ContentTypes.Json)
    {
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, 0, body.Length, response.HttpContext.RequestAborted);
    }

    public static Task WriteErrorAsync(HttpResponse response, int statusCode, string errorType, string message) =>
        WriteAsync(response, statusCode, JsonBodies.Error(errorType, message));

    public static Task AcceptedAsync(HttpResponse response) => WriteAsync(response, StatusCodes.Status202Accepted, JsonBodies.StatusOk);
}
