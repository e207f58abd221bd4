using System.Diagnostics;
using System.Text;

namespace FisExtension.Emulator.Tests.Harness;

/// <summary>The fis-emulator executable run without root's powers (setpriv, util-linux; the test itself must be root): as
/// nobody, as a developer runs it; as nobody inside a user namespace whose user.max_user_namespaces is 0, as on a machine
/// that forbids unprivileged user namespaces; or as root with every capability dropped, as in a container. The
/// executable is a copy in the working folder, which anyone can read: a checkout under /root (mode 700) is closed to nobody.</summary>
internal sealed class UnprivilegedEmulator : IAsyncDisposable
{
    public const int Nobody = 65534;

    // Waits until the test has written the namespace's uid and gid maps (root 0 and nobody, each to itself), forbids
    // further user namespaces inside it, and becomes nobody.
    private const string ForbiddingShell =
        "echo mapped?; read -r _ || exit 1; echo 0 > /proc/sys/user/max_user_namespaces || exit 1; " +
        "exec setpriv --reuid=65534 --regid=65534 --clear-groups -- \"$@\"";

    private const string IdentityMaps = "0 0 1\n65534 65534 1\n";

    private const UnixFileMode ReadableByAll = (UnixFileMode)0b111_101_101;


    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private UnprivilegedEmulator(Process process)
    {
        _process = process;
        Error = process.StandardError.ReadToEndAsync();
    }

    public Task<string> Error { get; }

    /// <summary>Every line read from standard output so far.</summary>
    public string Output => _output.ToString();

    public static async Task<UnprivilegedEmulator> StartAsync(string workingDirectory, EmulatorUser user, params string[] arguments)
    {
        File.SetUnixFileMode(workingDirectory, (UnixFileMode)0b111_111_111);
        var executable = CopyExecutable(workingDirectory);
        var userNamespacesForbidden = user == EmulatorUser.NobodyWhereUserNamespacesAreForbidden;
        var start = new ProcessStartInfo(userNamespacesForbidden ? "unshare" : "setpriv")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] prefix = user switch
        {
            EmulatorUser.NobodyWhereUserNamespacesAreForbidden => ["--user", "--keep-caps", "--", "sh", "-c", ForbiddingShell, "sh"],
            EmulatorUser.RootWithoutCapabilities => ["--inh-caps=-all", "--bounding-set=-all", "--"],
            _ => ["--reuid=65534", "--regid=65534", "--clear-groups", "--"],
        };
        foreach (var argument in (string[])[.. prefix, executable, .. arguments]) start.ArgumentList.Add(argument);
        var emulator = new UnprivilegedEmulator(Process.Start(start)!);
        if (userNamespacesForbidden)
        {
            if (await emulator._process.StandardOutput.ReadLineAsync() != "mapped?") throw new InvalidOperationException("unshare --user did not start");
            var id = emulator._process.Id;
            await File.WriteAllTextAsync($"/proc/{id}/uid_map", IdentityMaps);
            await File.WriteAllTextAsync($"/proc/{id}/gid_map", IdentityMaps);
            await emulator._process.StandardInput.WriteLineAsync();
            await emulator._process.StandardInput.FlushAsync();
        }
        return emulator;
    }

    /// <summary>Copies <paramref name="source"/> (a file or a folder) into <paramref name="folder"/>, readable and
    /// executable by anyone, and returns the copy's path.</summary>
    public static string CopyForAll(string source, string folder)
    {
        var target = Path.Combine(folder, Path.GetFileName(source.TrimEnd('/')));
        if (File.Exists(source))
        {
            File.Copy(source, target, overwrite: true);
            File.SetUnixFileMode(target, ReadableByAll);
            return target;
        }
        Directory.CreateDirectory(target);
        File.SetUnixFileMode(target, ReadableByAll);
        foreach (var entry in Directory.EnumerateFileSystemEntries(source)) CopyForAll(entry, target);
        return target;
    }

    /// <summary>The fis-emulator executable and its assembly, copied into <paramref name="workingDirectory"/>.</summary>
    private static string CopyExecutable(string workingDirectory)
    {
        var folder = Path.Combine(workingDirectory, "emulator");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, ReadableByAll);
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "fis-emulator*")) CopyForAll(file, folder);
        return Path.Combine(folder, Path.GetFileName(TestPaths.EmulatorExecutable));
    }

    /// <summary>Reads standard output up to the line starting with <paramref name="label"/> and returns that line.</summary>
    public async Task<string> ReadLineStartingWithAsync(string label)
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            _output.Append(line).Append('\n');
            if (line.StartsWith(label, StringComparison.Ordinal)) return line;
        }
        throw new InvalidOperationException($"the emulator ended before printing {label}:\n{_output}\n{await Error}");
    }

    /// <summary>Reads standard output to its end and waits for the exit code.</summary>
    public async Task<int> ExitAsync()
    {
        _output.Append(await _process.StandardOutput.ReadToEndAsync());
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>Stops the emulator with SIGTERM, as Ctrl-C would, and returns the rest of its output.</summary>
    public async Task<string> StopAsync()
    {
        using (Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) { }
        await ExitAsync();
        return Output;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
