namespace FisExtension.Launcher;

/// <summary>The proxy port the extension will use, when the launcher can be sure of it.</summary>
internal static class ProxyPort
{
    /// <summary>
    /// The default when the variable is unset, the value when it is plain digits from 1024 to 65535 (which the
    /// extension reads the same way); null for anything else, so that the extension reads it, says what is wrong and
    /// binds the port itself.
    /// </summary>
    public static ushort? Read(Func<string, string?> getEnvironmentVariable)
    {
        var value = getEnvironmentVariable(LaunchEnvironment.ProxyListenerPort);
        if (value is null)
        {
            return LaunchEnvironment.DefaultListenerPort;
        }

        // Lambda runs extensions as an unprivileged user, which cannot bind ports under 1024.
        return Ipv4Endpoint.TryParsePort(value, 1024, out var port) ? port : null;
    }
}
