using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace FisExtension.Emulator.Isolation;

/// <summary>Listening sockets inside an environment's network namespace for an emulator without root: the
/// <see cref="SandboxListenerHelper"/> creates them inside, and the emulator takes copies of them with pidfd_getfd(2), so
/// the relays work exactly as with root (<see cref="NetworkNamespace"/>).</summary>
internal static class UserNamespaceListeners
{
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
        // One workstation GC heap, not one per core: the helper lives for a moment and makes a few sockets.
        start.Environment["DOTNET_gcServer"] = "0";
        var helper = Process.Start(start) ?? throw new IOException("nsenter did not start.");
        List<Socket>? sockets = null;
        try
        {
            var line = await helper.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            var descriptors = SandboxListenerHelper.ParseListening(line);
            if (descriptors is null || descriptors.Count != ports.Count)
            {
                // Ended first, so that its standard error is complete and reading it cannot wait on a live helper.
                helper.Kill();
                var error = await StandardErrorText.OneLineAsync(helper, cancellationToken).ConfigureAwait(false);
                throw new IOException($"cannot listen inside the environment's network namespace: {(error.Length > 0 ? error : $"the helper answered \"{line}\"")}");
            }
            sockets = TakeCopies(helper.Id, descriptors);
            return sockets;
        }
        finally
        {
            if (sockets is null) helper.Kill();
            try
            {
                // Its copies of the sockets close with it; ours stay open.
                helper.StandardInput.Close();
            }
            catch (IOException)
            {
                // Already gone.
            }
            _ = ReapAsync(helper);
        }
    }

    private static async Task ReapAsync(Process helper)
    {
        using (helper)
        {
            await helper.WaitForExitAsync().ConfigureAwait(false);
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
