using FisExtension.Emulator.Isolation;
using FisExtension.Emulator.Tests.Harness;

namespace FisExtension.Emulator.Tests;

/// <summary>Where namespaces are not allowed: auto falls back to no isolation with one line saying what is missing and
/// how to pass the real path; namespaces asked for explicitly is an error that starts nothing (the executable, on a machine
/// that forbids user namespaces: <see cref="UnprivilegedIsolationTests"/>).</summary>
public sealed class IsolationPolicyTests
{
    private const string Missing = "the emulator is not root, and this machine does not let it create a user namespace to isolate in (unshare: unshare failed: Operation not permitted); run it as root";

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
}
