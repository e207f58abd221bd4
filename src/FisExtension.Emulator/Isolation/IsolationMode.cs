namespace FisExtension.Emulator.Isolation;

/// <summary>Whether each execution environment gets its own network and mount namespaces, as on Lambda.</summary>
public enum IsolationMode
{
    /// <summary>Function processes share the machine's network and see the layers folder under its own path.</summary>
    None,

    /// <summary>Namespaces when the machine allows them, otherwise <see cref="None"/> with one line saying why.</summary>
    Auto,

    /// <summary>Each environment in its own network and mount namespaces, the layers mounted at /opt; an error where not allowed.</summary>
    Namespaces,
}
