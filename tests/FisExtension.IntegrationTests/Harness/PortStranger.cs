using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FisExtension.IntegrationTests.Harness;

/// <summary>What another program holding the proxy port does with a connection.</summary>
public enum StrangerBehaviour
{
    /// <summary>Nobody listens: the connection is refused.</summary>
    Nothing,

    /// <summary>Accepts and closes at once (FIN), racing the wrapper's write.</summary>
    ClosesAtOnce,

    /// <summary>Accepts and resets at once (RST), racing the wrapper's write.</summary>
    ResetsAtOnce,

    /// <summary>Reads part of the request, then resets while the rest may still be on its way.</summary>
    ResetsAfterReading,

    /// <summary>Answers random bytes, then closes.</summary>
    AnswersGarbage,

    /// <summary>Answers HTTP 200 without the FIS extension's identity header.</summary>
    AnswersHttpWithoutIdentity,

    /// <summary>Expects a TLS handshake (a real <see cref="SslStream"/> server), which the wrapper's HTTP is not.</summary>
    SpeaksTls,

    /// <summary>Accepts and reads, and never answers nor closes.</summary>
    NeverAnswers,

    /// <summary>Listens with a full accept queue: the wrapper's connect never completes.</summary>
    NeverAccepts,
}

/// <summary>A real loopback listener on a port, behaving as <see cref="StrangerBehaviour"/> says with every connection.</summary>
public sealed class PortStranger : IAsyncDisposable
{
    private readonly Socket? _listener;
    private readonly List<Socket> _heldOpen = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving = Task.CompletedTask;
    private readonly X509Certificate2? _certificate;

    public PortStranger(StrangerBehaviour behaviour)
    {
        Behaviour = behaviour;
        if (behaviour == StrangerBehaviour.Nothing)
        {
            Port = FreePort.Next();
            return;
        }

        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        if (behaviour == StrangerBehaviour.NeverAccepts)
        {
            // Backlog 0 holds one completed connection; the kernel drops SYNs beyond the full queue, so later
            // connects wait for SYN retransmits that go on for minutes.
            _listener.Listen(0);
            for (var i = 0; i < 3; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
                try
                {
                    filler.Connect(IPAddress.Loopback, Port);
                }
                catch (SocketException)
                {
                    // In progress (or dropped): the queue is full either way.
                }

                _heldOpen.Add(filler);
            }

            return;
        }

        _listener.Listen(64);
        if (behaviour == StrangerBehaviour.SpeaksTls)
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=stranger", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        }

        _serving = AcceptLoopAsync(_stop.Token);
    }

    public StrangerBehaviour Behaviour { get; }

    /// <summary>
    /// Meets the stranger once as the wrapper's probe would (a request line, then read until it closes), for the ones
    /// that answer: its first connection pays for the test process's first TLS handshake (loading OpenSSL) and compiling
    /// its code, which on a loaded machine took the first try past the wrapper's 2 s budget (flake hunt, 2026-12-02).
    /// </summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (Behaviour is StrangerBehaviour.Nothing or StrangerBehaviour.NeverAnswers or StrangerBehaviour.NeverAccepts)
        {
            return;
        }

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
            await client.SendAsync("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[4096];
            while (await client.ReceiveAsync(buffer, cancellationToken) > 0)
            {
            }
        }
        catch (SocketException)
        {
            // A stranger that resets: met all the same.
        }
    }

    public int Port { get; }

    public int Connections { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener?.Dispose();
        await _serving;
        lock (_heldOpen)
        {
            foreach (var socket in _heldOpen)
            {
                socket.Dispose();
            }
        }

        _certificate?.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var connection = await _listener!.AcceptAsync(cancellationToken);
                Connections++;
                connections.Add(ServeAsync(connection, cancellationToken));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(Socket connection, CancellationToken cancellationToken)
    {
        try
        {
            switch (Behaviour)
            {
                case StrangerBehaviour.ClosesAtOnce:
                    connection.Dispose();
                    break;
                case StrangerBehaviour.ResetsAtOnce:
                    Reset(connection);
                    break;
                case StrangerBehaviour.ResetsAfterReading:
                    await connection.ReceiveAsync(new byte[8], cancellationToken);
                    Reset(connection);
                    break;
                case StrangerBehaviour.AnswersGarbage:
                    await connection.ReceiveAsync(new byte[4096], cancellationToken);
                    await connection.SendAsync(RandomNumberGenerator.GetBytes(512), cancellationToken);
                    connection.Dispose();
                    break;
                case StrangerBehaviour.AnswersHttpWithoutIdentity:
                    await connection.ReceiveAsync(new byte[4096], cancellationToken);
                    await connection.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), cancellationToken);
                    connection.Dispose();
                    break;
                case StrangerBehaviour.SpeaksTls:
                    await using (var tls = new SslStream(new NetworkStream(connection, ownsSocket: true)))
                    {
                        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, cancellationToken);
                    }

                    break;
                case StrangerBehaviour.NeverAnswers:
                    await connection.ReceiveAsync(new byte[4096], cancellationToken);
                    lock (_heldOpen)
                    {
                        _heldOpen.Add(connection);
                    }

                    break;
                default:
                    throw new InvalidOperationException($"no connection expected for {Behaviour}");
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            // The stranger's side of a broken handshake or a closed connection: what the test is about.
            connection.Dispose();
        }
    }

    private static void Reset(Socket connection)
    {
        // Linger on with a zero timeout makes close send RST instead of FIN.
        connection.LingerState = new LingerOption(true, 0);
        connection.Dispose();
    }
}
