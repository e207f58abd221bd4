using System.Globalization;
using System.Runtime.InteropServices;

namespace FisExtension.Launcher;

/// <summary>Replaces the launcher with the extension in the same process (the pid Lambda watches stays the same).</summary>
internal static unsafe class ExtensionExec
{
    /// <summary>The extension beside this layer's extensions folder: <c>/opt/aws-fis/fis-extension</c> in Lambda.</summary>
    public static string Locate(string launcherPath) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(launcherPath)!, "..", "aws-fis", "fis-extension"));

    public static bool IsExecutable(string path)
    {
        fixed (byte* native = NativeText.Of(path))
        {
            return Libc.access(native, Libc.XOk) == 0;
        }
    }

    /// <summary>
    /// Execs <paramref name="extension"/> with the launcher's own arguments (argv[0] included, so the process looks the
    /// same), handing over what was done already. Returns the errno only when exec failed.
    /// </summary>
    public static int Exec(string extension, string[] argv, string? extensionId, int listenerDescriptor)
    {
        // Set or cleared, never inherited: a value from the function's own environment must not make the extension
        // skip a step the launcher did not do.
        SetEnvironment(LaunchEnvironment.ExtensionId, extensionId);
        SetEnvironment(LaunchEnvironment.ListenerDescriptor, listenerDescriptor >= 0 ? listenerDescriptor.ToString(CultureInfo.InvariantCulture) : null);

        var handles = new GCHandle[argv.Length];
        for (var i = 0; i < argv.Length; i++)
        {
            handles[i] = GCHandle.Alloc(NativeText.Of(argv[i]), GCHandleType.Pinned);
        }

        try
        {
            var pointers = new byte*[argv.Length + 1];
            for (var i = 0; i < argv.Length; i++)
            {
                pointers[i] = (byte*)handles[i].AddrOfPinnedObject();
            }

            fixed (byte* path = NativeText.Of(extension))
            fixed (byte** vector = pointers)
            {
                Libc.execv(path, vector);
                return Marshal.GetLastPInvokeError();
            }
        }
        finally
        {
            foreach (var handle in handles)
            {
                handle.Free();
            }
        }
    }

    // libc's environment, the one execv passes on (.NET's Environment.SetEnvironmentVariable does not change it).
    private static void SetEnvironment(string name, string? value)
    {
        fixed (byte* nativeName = NativeText.Of(name))
        {
            if (value is null)
            {
                Libc.unsetenv(nativeName);
                return;
            }

            fixed (byte* nativeValue = NativeText.Of(value))
            {
                Libc.setenv(nativeName, nativeValue, 1);
            }
        }
    }
}
