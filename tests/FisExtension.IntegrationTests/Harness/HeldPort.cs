using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>A port on 127.0.0.1 held by a socket of the test's own: another program on the proxy port.</summary>
internal sealed class HeldPort : IDisposable
{
    /// <summary>Listening (connections queue, nobody accepts unless the test does), or only bound (connections are refused).</summary>
    public HeldPort(bool listen = true)
    {
        if (listen)
        {
            Listener.Start();
        }
        else
        {
            Listener.Server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        }
    }

    public TcpListener Listener { get; } = new(IPAddress.Loopback, 0);

    public int Port => ((IPEndPoint)Listener.LocalEndpoint).Port;

    /// <summary>The harness environment that makes this the proxy port.</summary>
    public Dictionary<string, string> AsProxyPort() => new() { ["AWS_FIS_PROXY_LISTENER_PORT"] = Port.ToString(CultureInfo.InvariantCulture) };

    public void Dispose() => Listener.Dispose();
}
