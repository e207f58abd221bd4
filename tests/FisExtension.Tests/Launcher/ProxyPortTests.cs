extern alias launcher;
using CsCheck;
using FisExtension.Configuration;
using launcher::FisExtension.Launcher;

namespace FisExtension.Tests.Launcher;

public sealed class ProxyPortTests
{
    [Theory]
    [InlineData(null, 9100)]
    [InlineData("9200", 9200)]
    [InlineData("1024", 1024)]
    [InlineData("65535", 65535)]
    [InlineData("09200", 9200)]
    public void Read_GivesThePortTheExtensionWillUse(string? value, int port) =>
        Assert.Equal((ushort)port, ProxyPort.Read(name => name == LaunchEnvironment.ProxyListenerPort ? value : null));

    [Theory]
    [InlineData("")]
    [InlineData("1023")]
    [InlineData("65536")]
    [InlineData(" 9200")]
    [InlineData("9200 ")]
    [InlineData("+9200")]
    [InlineData("-9200")]
    [InlineData("009200")]
    [InlineData("port")]
    public void Read_LeavesAnyOtherValueToTheExtension(string value) =>
        Assert.Null(ProxyPort.Read(name => name == LaunchEnvironment.ProxyListenerPort ? value : null));

    [Fact]
    public void WhereTheLauncherBindsAPort_TheExtensionReadsTheSamePort()
    {
        // The launcher binds before the extension reads its options, so the two must never disagree: the extension
        // would then serve on a socket the wrapper does not probe.
        var values = Gen.OneOf(
            Gen.Int[0, 70_000].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.String[Gen.Char["0123456789+- x"], 0, 7]);
        values.Sample(value =>
        {
            var launcherPort = ProxyPort.Read(name => name == LaunchEnvironment.ProxyListenerPort ? value : null);
            if (launcherPort is { } port)
            {
                var (options, problems) = ExtensionOptionsReader.Read(name => name switch
                {
                    LaunchEnvironment.ProxyListenerPort => value,
                    LaunchEnvironment.RuntimeApi => "127.0.0.1:9001",
                    _ => null,
                });
                Assert.Equal(port, options.ListenerPort);
                Assert.Empty(problems);
            }
        }, iter: 20_000);
    }
}
