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
    [InlineData(" 9200", 9200)]
    [InlineData("9200\t\n", 9200)]
    [InlineData("", 9100)]
    [InlineData("  ", 9100)]
    public void Read_GivesThePortTheExtensionWillUse(string? value, int port) =>
        Assert.Equal((ushort)port, ProxyPort.Read(name => name == LaunchEnvironment.ProxyListenerPort ? value : null));

    [Theory]
    [InlineData("1023")]
    [InlineData("65536")]
    [InlineData("92 00")]
    [InlineData("9200\u00a0")]
    [InlineData("+9200")]
    [InlineData("-9200")]
    [InlineData("009200")]
    [InlineData("port")]
    public void Read_LeavesAnyOtherValueToTheExtension(string value) =>
        Assert.Null(ProxyPort.Read(name => name == LaunchEnvironment.ProxyListenerPort ? value : null));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("9200")]
    [InlineData(" 9200\t")]
    [InlineData("09200")]
    [InlineData("01024")]
    [InlineData("009200")]
    [InlineData("92 00")]
    [InlineData("9200\u00a0")]
    [InlineData("1023")]
    [InlineData("65535")]
    [InlineData("65536")]
    [InlineData("+9200")]
    [InlineData("-9200")]
    [InlineData("9200x")]
    public async Task TheWrapperProbesThePortTheLauncherAndTheExtensionRead(string? value)
    {
        // The wrapper is bash: a port it read otherwise would send the runtime past the proxy, and no fault would apply.
        var (options, _) = ExtensionOptionsReader.Read(name => name switch
        {
            LaunchEnvironment.ProxyListenerPort => value,
            LaunchEnvironment.RuntimeApi => "127.0.0.1:9001",
            _ => null,
        });
        var launcherPort = ProxyPort.Read(name => name == LaunchEnvironment.ProxyListenerPort ? value : null) ?? LaunchEnvironment.DefaultListenerPort;

        var wrapperPort = await WrapperPortAsync(value);

        Assert.Equal((options.ListenerPort, options.ListenerPort), (launcherPort, wrapperPort));
    }

    /// <summary>The port the layer's wrapper probed, from the line it prints (no runtime to start: it prints the export).</summary>
    private static async Task<int> WrapperPortAsync(string? value)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "layer", "aws-fis", "bootstrap")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001";
        start.Environment.Remove(LaunchEnvironment.ProxyListenerPort);
        if (value is not null)
        {
            start.Environment[LaunchEnvironment.ProxyListenerPort] = value;
        }

        using var wrapper = System.Diagnostics.Process.Start(start)!;
        var (output, error) = (wrapper.StandardOutput.ReadToEndAsync(), wrapper.StandardError.ReadToEndAsync());
        await wrapper.WaitForExitAsync();
        // Unless the FIS proxy answered, it names the port it probed on stderr ("nothing listens on 127.0.0.1:PORT");
        // if it did, it prints the export of the proxy's address.
        var said = await error is { Length: > 0 } reason ? reason : await output;
        var match = System.Text.RegularExpressions.Regex.Match(said, @"127\.0\.0\.1:(\d+)");
        Assert.True(match.Success, said);
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

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
