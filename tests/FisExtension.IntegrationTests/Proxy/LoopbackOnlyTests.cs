using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Proxy;

/// <summary>The proxy serves the function's own runtime only: it listens on 127.0.0.1, never on the machine's other addresses.</summary>
public sealed class LoopbackOnlyTests
{
    [Fact(Timeout = 60_000)]
    public async Task ProxyListener_AcceptsOnLoopback_AndRefusesOnEveryOtherAddressOfTheMachine()
    {
        var otherAddresses = NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses.Select(unicast => unicast.Address))
            .Where(address => !IPAddress.IsLoopback(address) && !address.IsIPv6LinkLocal)
            .ToList();
        Assert.True(otherAddresses.Count > 0, "this machine has no address but loopback: the test cannot show a refusal");
        using var faults = new FaultObjectWriter();
        await using var harness = await ExtensionHarness.StartAsync(FaultFunctions.InTestRuntime(faults));
        await using var runtime = EchoRuntime.Start(harness);
        var served = await harness.Emulator.InvokeAsync(Json.Event(("n", 1)));

        using var loopback = new TcpClient();
        await loopback.ConnectAsync(IPAddress.Loopback, harness.ProxyPort);

        Assert.Null(served.FunctionError);
        Assert.True(loopback.Connected);
        foreach (var address in otherAddresses)
        {
            using var client = new TcpClient(address.AddressFamily);
            var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(address, harness.ProxyPort));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
    }
}
