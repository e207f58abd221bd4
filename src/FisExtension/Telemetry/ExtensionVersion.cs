using System.Reflection;

namespace FisExtension.Telemetry;

/// <summary>The version logged in <c>extension enabled &lt;version&gt;</c>.</summary>
internal static class ExtensionVersion
{
    public static string Current { get; } =
        typeof(ExtensionVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
