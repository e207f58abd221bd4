using System.Diagnostics;

namespace FisExtension.Emulator.Isolation;

/// <summary>What an ended helper process (unshare, nsenter) wrote to standard error, as one line for an error message.</summary>
internal static class StandardErrorText
{
    public static async Task<string> OneLineAsync(Process process, CancellationToken cancellationToken) =>
        (await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim().ReplaceLineEndings(" ").TrimEnd('.');
}
