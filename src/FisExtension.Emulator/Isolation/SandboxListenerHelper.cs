using System.Globalization;
using System.Net.Sockets;

namespace FisExtension.Emulator.Isolation;

/// <summary>The emulator's own executable run inside an environment's user and network namespaces, for an emulator
/// without root: only a process inside can create sockets listening on that namespace's 127.0.0.1 (setns(2) into it needs
/// CAP_SYS_ADMIN in the emulator's own namespace). It listens on the given ports, prints the descriptors, and stays until
/// the emulator, having copied them (<see cref="ProcessFileDescriptors"/>), closes its standard input.</summary>
internal static class SandboxListenerHelper
{
    /// <summary>The hidden first argument that runs the helper instead of the emulator.</summary>
    public const string Option = "--sandbox-listen";

    /// <summary>Starts the helper's one line of output; the descriptors follow, in the order of the ports.</summary>
    public const string ListeningPrefix = "listening ";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Option;

    public static int Run(string[] args)
    {
        var sockets = new List<Socket>();
        try
        {
            foreach (var port in args.Skip(1)) sockets.Add(LoopbackListener.Open(int.Parse(port, CultureInfo.InvariantCulture)));
        }
        catch (Exception e) when (e is SocketException or FormatException or OverflowException)
        {
            Console.Error.WriteLine($"cannot listen on 127.0.0.1 inside the environment: {e.Message}");
            return 1;
        }
        Console.Out.WriteLine(ListeningPrefix + string.Join(' ', sockets.Select(s => s.SafeHandle.DangerousGetHandle().ToString(CultureInfo.InvariantCulture))));
        Console.Out.Flush();
        _ = Console.In.ReadToEnd();
        GC.KeepAlive(sockets);
        return 0;
    }

    /// <summary>How to run this helper: the emulator's executable as it was started, or its assembly through the dotnet host
    /// that runs this process (a test host, for instance).</summary>
    public static IReadOnlyList<string> Command()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileName(process) == ExecutableName) return [process, Option];
        var host = Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet";
        return [host, Path.Combine(AppContext.BaseDirectory, ExecutableName + ".dll"), Option];
    }

    private const string ExecutableName = "fis-emulator";
}
