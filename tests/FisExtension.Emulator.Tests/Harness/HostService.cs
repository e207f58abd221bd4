using System.Net.Sockets;

namespace FisExtension.Emulator.Tests.Harness;

/// <summary>A service of the host's loopback, for the relay tests: answers the first connection's line with "pong from the host".</summary>
internal static class HostService
{
    public const string Pong = "pong from the host";

    /// <summary>Accepts one connection, reads one line, answers it, and returns the line read.</summary>
    public static async Task<string?> AnswerOnceAsync(TcpListener listener)
    {
        using var connection = await listener.AcceptTcpClientAsync();
        using var stream = connection.GetStream();
        using var reader = new StreamReader(stream);
        var line = await reader.ReadLineAsync();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(Pong + "\n"));
        return line;
    }
}
