using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace FisExtension.Emulator.Isolation;

/// <summary>Listening sockets inside an environment's network namespace for an emulator without root: the
/// <see cref="SandboxListenerHelper"/> creates them inside, and the emulator takes copies of them with pidfd_getfd(2), so
/// the relays work exactly as with root (<see cref="NetworkNamespace"/>).</summary>
internal static class UserNamespaceListeners
{
    private static readonly TimeSpan HelperExitBudget = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<Socket>> ListenAsync(int holderProcessId, IReadOnlyList<int> ports, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("nsenter")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[$"--target={holderProcessId}", "--user", "--net", "--preserve-credentials", "--",
                     .. SandboxListenerHelper.Command(), .. ports.Select(p => p.ToString(CultureInfo.InvariantCulture))])
            start.ArgumentList.Add(argument);
        using var helper = Process.Start(start) ?? throw new IOException("nsenter did not start.");
        try
        {
            var line = await helper.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null || !line.StartsWith(SandboxListenerHelper.ListeningPrefix, StringComparison.Ordinal))
            {
                var error = (await helper.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim().ReplaceLineEndings(" ");
                throw new IOException($"cannot listen inside the environment's network namespace: {(error.Length > 0 ? error : "the helper ended")}");
            }
            var descriptors = line[SandboxListenerHelper.ListeningPrefix.Length..].Split(' ').Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToList();
            return TakeCopies(helper.Id, descriptors);
        }
        finally
        {
            // Its copies of the sockets close with it; ours stay open.
            helper.StandardInput.Close();
            using var exited = new CancellationTokenSource(HelperExitBudget);
            try
            {
                await helper.WaitForExitAsync(exited.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                helper.Kill();
            }
        }
    }

    private static List<Socket> TakeCopies(int helperProcessId, List<int> descriptors)
    {
        using var process = ProcessFileDescriptors.Of(helperProcessId);
        var sockets = new List<Socket>();
        try
        {
            foreach (var descriptor in descriptors)
            {
                var handle = new SafeSocketHandle(process.Copy(descriptor), ownsHandle: true);
                try
                {
                    sockets.Add(new Socket(handle));
                }
                catch
                {
                    handle.Dispose();
                    throw;
                }
            }
            return sockets;
        }
        catch
        {
            foreach (var socket in sockets) socket.Dispose();
            throw;
        }
    }
}
