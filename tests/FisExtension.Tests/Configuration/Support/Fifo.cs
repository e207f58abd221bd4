using System.Diagnostics;

namespace FisExtension.Tests.Configuration.Support;

/// <summary>Makes a real FIFO (named pipe) with mkfifo: opening it for reading blocks until a writer comes.</summary>
internal static class Fifo
{
    public static string Make(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }
}
