using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FisExtension.Emulator.Isolation;
using FisExtension.Emulator.Tests.Harness;
using Xunit.Abstractions;

namespace FisExtension.Emulator.Tests;

/// <summary>What the namespaces cost: warm invocations (the Runtime API relayed from 127.0.0.1:9001 inside) and the
/// cold start (the holder, the /opt mount, nsenter), with and without them, printed for the record. Time budgets belong
/// in benchmarks, not in tests on a shared machine; the test asserts every answer.</summary>
public sealed class IsolationBenchmarkTests(ITestOutputHelper output)
{
    private const int Warm = 50;
    private const int Cold = 5;

    [Theory(Timeout = 300_000)]
    [InlineData("shell")]
    [InlineData("node")]
    public async Task WarmAndColdInvocations_WithAndWithoutNamespaces_AreEachAnswered(string runtime)
    {
        // An empty /opt: mounted all the same, and no bash extension adding its own noise to every invocation.
        using var opt = new TempDirectory();
        var function = (runtime == "node" ? Stacks.Node("bench", "node-echo").Definition : Emulators.Shell(timeout: TimeSpan.FromSeconds(10)))
            with { OptDirectory = opt.Path };

        foreach (var mode in (IsolationMode[])[IsolationMode.None, IsolationMode.Namespaces])
        {
            await using var emulator = await Emulators.StartAsync(function, Emulators.Options() with { Isolation = mode });
            var inits = new List<double>();
            for (var i = 0; i < Cold; i++)
            {
                var init = await emulator.InitializeAsync();
                Assert.True(init.Succeeded, init.ErrorMessage);
                inits.Add(init.Duration.TotalMilliseconds);
                await emulator.ShutdownAsync();
            }
            await emulator.InvokeAsync(Json.Bytes("""{"warmup":1}"""));
            var samples = new List<double>();
            for (var i = 0; i < Warm; i++)
            {
                var payload = Json.Bytes($$"""{"ping":{{i}}}""");
                var clock = Stopwatch.StartNew();
                var result = await emulator.InvokeAsync(payload);
                samples.Add(clock.Elapsed.TotalMilliseconds);
                Assert.True(payload.AsSpan().SequenceEqual(result.Payload),
                    $"{mode}, warm invocation {i} after {clock.Elapsed.TotalMilliseconds:0} ms: {result.FunctionError ?? "no function error"}, {System.Text.Encoding.UTF8.GetString(result.Payload)}\n{string.Join("\n", emulator.Logs.TakeLast(20))}");
            }
            output.WriteLine($"{runtime} isolation {mode}: warm median {Median(samples):0.00} ms (p90 {samples.Order().ElementAt(Warm * 9 / 10):0.00}), " +
                $"init median {Median(inits):0.0} ms over {Cold} cold starts");
        }
    }

    /// <summary>What namespaces add to a cold start, alone: the holder up, loopback up, the layers mounted, the Runtime API
    /// listening inside, and a process entered into them with nsenter that sees the layers at /opt.</summary>
    [Fact(Timeout = 120_000)]
    public async Task Sandbox_StartsWithTheLayersAtOpt_AndItsStartTimeIsPrinted()
    {
        using var opt = new TempDirectory();
        File.WriteAllText(opt.File("who"), "bench\n");
        var starts = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var clock = Stopwatch.StartNew();
            await using var sandbox = await Sandbox.StartAsync(opt.Path, 1, [], _ => { }, CancellationToken.None);
            starts.Add(clock.Elapsed.TotalMilliseconds);
            using var cat = Process.Start(new ProcessStartInfo(sandbox.EnterCommand("/")[0], [.. sandbox.EnterCommand("/").Skip(1), "cat", "/opt/who"])
            {
                RedirectStandardOutput = true,
            })!;
            Assert.Equal("bench", (await cat.StandardOutput.ReadToEndAsync()).Trim());
            await cat.WaitForExitAsync();
        }
        output.WriteLine($"namespaces ready in {Median(starts):0.0} ms (median of 10; min {starts.Min():0.0}, max {starts.Max():0.0})");
    }

    /// <summary>The relay alone, in the emulator's own network: a 100-byte request and its echo over one kept-alive
    /// connection, straight to the echo listener and through a <see cref="TcpRelay"/> to it, alternated so that the
    /// machine's load weighs on both alike.</summary>
    [Fact(Timeout = 120_000)]
    public async Task Relay_CarriesEachRoundTripByteForByte_AndItsAddedLatencyIsPrinted()
    {
        using var echo = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        echo.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        echo.Listen();
        var echoPort = ((IPEndPoint)echo.LocalEndPoint!).Port;
        using var stop = new CancellationTokenSource();
        var echoing = EchoAsync(echo, stop.Token);
        var relayListener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        relayListener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        relayListener.Listen();
        var relayPort = ((IPEndPoint)relayListener.LocalEndPoint!).Port;
        await using var relay = new TcpRelay(relayListener, echoPort, _ => { }, "");
        using var direct = await ConnectAsync(echoPort);
        using var relayed = await ConnectAsync(relayPort);

        var request = new byte[100];
        Random.Shared.NextBytes(request);
        var (directTimes, relayedTimes) = (new List<double>(), new List<double>());
        for (var i = 0; i < 1000; i++)
        {
            directTimes.Add(await RoundTripAsync(direct, request));
            relayedTimes.Add(await RoundTripAsync(relayed, request));
        }
        await stop.CancelAsync();
        await echoing;

        output.WriteLine($"round trip median: direct {Median(directTimes) * 1000:0} µs, through the relay {Median(relayedTimes) * 1000:0} µs " +
            $"(+{(Median(relayedTimes) - Median(directTimes)) * 1000:0} µs)");
    }

    private static async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }

    private static async Task<double> RoundTripAsync(Socket socket, byte[] request)
    {
        var reply = new byte[request.Length];
        var clock = Stopwatch.StartNew();
        await socket.SendAsync(request, SocketFlags.None);
        var received = 0;
        while (received < reply.Length) received += await socket.ReceiveAsync(reply.AsMemory(received), SocketFlags.None);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        Assert.Equal(request, reply);
        return elapsed;
    }

    private static async Task EchoAsync(Socket listener, CancellationToken cancellationToken)
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var connection = await listener.AcceptAsync(cancellationToken);
                connections.Add(Task.Run(async () =>
                {
                    using (connection)
                    {
                        var buffer = new byte[4096];
                        int read;
                        while ((read = await connection.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
                            await connection.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
                    }
                }, cancellationToken));
            }
        }
        catch (OperationCanceledException)
        {
            // The test is over.
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
