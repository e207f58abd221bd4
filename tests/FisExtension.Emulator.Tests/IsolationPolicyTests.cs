using System.Diagnostics;
using System.Text;
using FisExtension.Emulator.Isolation;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>Where namespaces are not allowed: auto falls back to no isolation with one line saying what is missing and
/// how to pass the real path; namespaces asked for explicitly is an error that starts nothing.</summary>
public sealed class IsolationPolicyTests
{
    private const string Missing = "the emulator lacks CAP_SYS_ADMIN (run it as root, or with sudo; unprivileged user namespaces are not used)";

    [Fact]
    public void Auto_WhereNamespacesAreNotAllowed_FallsBackToNone_WithOneLineNamingWhatIsMissingAndTheRealPath()
    {
        var lines = new List<string>();
        var options = Emulators.Options(lines.Add) with { Isolation = IsolationMode.Auto };

        var resolved = IsolationPolicy.Resolve(options, "/layers/fis", () => Missing);

        Assert.Equal(IsolationMode.None, resolved.Isolation);
        var line = Assert.Single(lines);
        Assert.StartsWith($"[emulator] isolation none: {Missing}.", line, StringComparison.Ordinal);
        Assert.EndsWith("AWS_LAMBDA_EXEC_WRAPPER=/layers/fis/aws-fis/bootstrap.", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_WhereNamespacesAreAllowed_ChoosesThem_Silently()
    {
        var lines = new List<string>();

        var resolved = IsolationPolicy.Resolve(Emulators.Options(lines.Add) with { Isolation = IsolationMode.Auto }, null, () => null);

        Assert.Equal(IsolationMode.Namespaces, resolved.Isolation);
        Assert.Empty(lines);
    }

    [Fact]
    public void Namespaces_WhereNotAllowed_IsAnErrorNamingWhatIsMissing()
    {
        var options = Emulators.Options() with { Isolation = IsolationMode.Namespaces };

        var error = Assert.Throws<SandboxException>(() => IsolationPolicy.Resolve(options, null, () => Missing));

        Assert.Equal($"--isolation namespaces is not possible here: {Missing}. Use --isolation auto or none.", error.Message);
    }

    [Fact(Timeout = 60_000)]
    public async Task Executable_RunWithoutCapSysAdmin_ExitsWith2ForNamespaces_AndSaysOneLineForAuto()
    {
        using var opt = new TempDirectory();

        var (code, output, error) = await RunWithoutCapabilitiesAsync(null, "--isolation", "namespaces", "--runtime-api-port", "0", "--invoke-port", "0");
        Assert.Equal(2, code);
        Assert.Contains("--isolation namespaces is not possible here: the emulator lacks CAP_SYS_ADMIN", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Runtime API:", output, StringComparison.Ordinal);

        (_, output, _) = await RunWithoutCapabilitiesAsync("Runtime API: 127.0.0.1:", "--opt", opt.Path, "--runtime-api-port", "0", "--invoke-port", "0");
        Assert.Single(output.Split('\n'), l => l.StartsWith("[emulator] isolation none: the emulator lacks CAP_SYS_ADMIN", StringComparison.Ordinal));
        Assert.Contains($"AWS_LAMBDA_EXEC_WRAPPER={opt.Path}/aws-fis/bootstrap.", output, StringComparison.Ordinal);
        Assert.Contains("Runtime API: 127.0.0.1:", output, StringComparison.Ordinal);
    }

    /// <summary>The real executable with every capability dropped (setpriv, util-linux), as root in a container without
    /// CAP_SYS_ADMIN. Runs to its exit, or is killed once it printed a line starting with <paramref name="stopAfter"/>.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunWithoutCapabilitiesAsync(string? stopAfter, params string[] arguments)
    {
        var start = new ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--inh-caps=-all", "--bounding-set=-all", TestPaths.EmulatorExecutable, .. arguments])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = new StringBuilder();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            output.Append(line).Append('\n');
            if (stopAfter is not null && line.StartsWith(stopAfter, StringComparison.Ordinal)) process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
        return (process.ExitCode, output.ToString(), await error);
    }
}
