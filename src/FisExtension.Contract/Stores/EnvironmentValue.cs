namespace FisExtension.Contract.Stores;

/// <summary>How the extension and fisctl read a variable: trimmed, and blank counts as unset.</summary>
public static class EnvironmentValue
{
    public static string? Get(Func<string, string?> environment, string name) =>
        environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
