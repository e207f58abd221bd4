using System.Runtime.InteropServices;

namespace FisExtension.Emulator.Isolation;

/// <summary>The emulator's effective user and group, for the one-line maps of its environments' user namespaces.</summary>
internal static partial class ProcessIdentity
{
    public static uint UserId => GetEffectiveUserId();

    public static uint GroupId => GetEffectiveGroupId();

    public static bool IsRoot => UserId == 0;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "getegid")]
    private static partial uint GetEffectiveGroupId();
}
