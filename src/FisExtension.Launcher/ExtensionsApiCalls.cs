using System.Text;
using FisExtension.ExtensionsApi;

namespace FisExtension.Launcher;

/// <summary>The two Extensions API calls the launcher makes, as plain HTTP/1.1 (lambda-apis.md §2).</summary>
internal static class ExtensionsApiCalls
{
    /// <summary>Registers for SHUTDOWN, as the extension would; the identifier, or null on any failure.</summary>
    public static string? TryRegister(Ipv4Endpoint api, string extensionName)
    {
        var body = Encoding.UTF8.GetBytes(ExtensionsApiEvents.RegisterBody);
        var head = HttpExchange.Send(api, string.Concat(
            $"POST {ExtensionsApiPaths.Register} HTTP/1.1\r\n",
            $"Host: {api}\r\n",
            $"{ExtensionsApiHeaders.Name}: {extensionName}\r\n",
            $"Content-Length: {body.Length}\r\n",
            "Connection: close\r\n\r\n",
            Encoding.UTF8.GetString(body)));
        return head is not null && HttpExchange.StatusCode(head) == 200 ? HttpExchange.Header(head, ExtensionsApiHeaders.Identifier) : null;
    }

    /// <summary>Waits for the next event; registered for SHUTDOWN only, that is the end. False when the API failed.</summary>
    public static bool WaitForShutdown(Ipv4Endpoint api, string extensionId)
    {
        var head = HttpExchange.Send(api, string.Concat(
            $"GET {ExtensionsApiPaths.NextEvent} HTTP/1.1\r\n",
            $"Host: {api}\r\n",
            $"{ExtensionsApiHeaders.Identifier}: {extensionId}\r\n",
            "Connection: close\r\n\r\n"));
        return head is not null && HttpExchange.StatusCode(head) == 200;
    }
}
