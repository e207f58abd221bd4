using System.Runtime.InteropServices;
using FisExtension.Configuration;
using FisExtension.Telemetry;
using Microsoft.Extensions.Logging;

namespace FisExtension.Platform;

/// <summary>
/// Whether .NET will find an OpenSSL it can use. S3 needs one for TLS and for signing requests, and where .NET finds
/// none its first cryptographic call aborts the whole process ("No usable version of libssl was found"), which no
/// catch can stop. .NET 10 requires OpenSSL 1.1.1 or later (docs: core/compatibility/cryptography/10.0/
/// openssl-version-requirement); Amazon Linux 2 runtimes ship 1.0.2. So an S3 location is checked before the S3
/// client exists, by opening libssl the way .NET's OpenSSL shim does (opensslshim.c): the version named by
/// DOTNET_OPENSSL_VERSION_OVERRIDE first, then libssl.so.3, then libssl.so.1.1.
/// </summary>
internal static class OpenSslAvailability
{
    public const string VersionOverrideVariable = "DOTNET_OPENSSL_VERSION_OVERRIDE";

    private static readonly string[] SupportedSonames = ["libssl.so.3", "libssl.so.1.1"];

    /// <summary>
    /// True when the configuration location is in S3 and no usable libssl can be opened: one line then says so and
    /// how to fix it, and the caller runs without faults rather than crash on the first poll.
    /// </summary>
    public static bool LeavesS3Unusable(ExtensionOptions options, Func<string, string?> environment, ILogger logger)
    {
        if (options.ConfigurationLocation is not { } value
            || !ConfigurationLocationParser.TryParse(value, out var location, out _)
            || location is not S3ConfigurationLocation)
        {
            return false;
        }

        var candidates = Candidates(environment);
        if (candidates.Any(CanOpen))
        {
            return false;
        }

        Log.ConfigurationLocationInvalid(logger, EnvironmentVariables.ConfigurationLocation,
            $"reading it from S3 needs OpenSSL 1.1.1 or later (TLS and request signing), and none was found (tried {string.Join(", ", candidates)}). " +
            "Amazon Linux 2 runtimes ship OpenSSL 1.0.2: use an Amazon Linux 2023 runtime, or put libssl.so.1.1 and libcrypto.so.1.1 in a layer's lib/ folder (/opt/lib is on LD_LIBRARY_PATH).");
        return true;
    }

    /// <summary>The libssl names .NET tries, in its order.</summary>
    public static IReadOnlyList<string> Candidates(Func<string, string?> environment) =>
        environment(VersionOverrideVariable) is { Length: > 0 } version
            ? ["libssl.so." + version, .. SupportedSonames]
            : SupportedSonames;

    private static bool CanOpen(string soname)
    {
        if (!NativeLibrary.TryLoad(soname, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    }
}
