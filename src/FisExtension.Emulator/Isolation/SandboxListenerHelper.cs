using System.Globalization;
using System.Net.Sockets;
using System.Reflection;

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
        catch (Exception e) when (e is SocketException or FormatException or OverflowException or ArgumentOutOfRangeException)
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

    /// <summary>The descriptors of the helper's line, or null when it is not one.</summary>
    public static List<int>? ParseListening(string? line)
    {
        if (line is null || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal)) return null;
        var descriptors = new List<int>();
        foreach (var part in line[ListeningPrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var descriptor)) return null;
            descriptors.Add(descriptor);
        }
        return descriptors;
    }

    /// <summary>How to run this helper: this process's own program when it is the emulator (its executable, under any
    /// name, or dotnet with its assembly), else the emulator's assembly beside this library through dotnet (a test host
    /// using the library, for instance).</summary>
    public static IReadOnlyList<string> Command()
    {
        var process = Environment.ProcessPath;
        var runsThroughDotnet = process is not null && Path.GetFileNameWithoutExtension(process) == "dotnet";
        var entry = Assembly.GetEntryAssembly();
        if (process is not null && entry == typeof(SandboxListenerHelper).Assembly)
            return runsThroughDotnet && entry.Location.Length > 0 ? [process, entry.Location, Option] : [process, Option];
        return [runsThroughDotnet ? process! : "dotnet", typeof(SandboxListenerHelper).Assembly.Location, Option];
    }
}
