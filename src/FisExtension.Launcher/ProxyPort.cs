namespace FisExtension.Launcher;

/// <summary>
/// The proxy port, read by one rule wherever it is read: by the launcher, by the extension (this file is linked into
/// it), and by the runtime's wrapper (layer/aws-fis/bootstrap), which probes it. Surrounding spaces and tabs are
/// ignored and blank means unset; anything else but one to five digits from 1024 to 65535 is not a port.
/// </summary>
internal static class ProxyPort
{
    // ASCII only, as bash's [[:space:]] in the wrapper.
    private static readonly char[] Whitespace = [' ', '\t', '\n', '\v', '\f', '\r'];

    /// <summary>The port: the default when the variable is unset or blank, null when it is not a port.</summary>
    public static ushort? Read(Func<string, string?> getEnvironmentVariable)
    {
        var value = getEnvironmentVariable(LaunchEnvironment.ProxyListenerPort)?.Trim(Whitespace);
        if (string.IsNullOrEmpty(value))
        {
            return LaunchEnvironment.DefaultListenerPort;
        }

        // Lambda runs extensions as an unprivileged user, which cannot bind ports under 1024.
        return PortNumber.TryParse(value, 1024, out var port) ? port : null;
    }
}
