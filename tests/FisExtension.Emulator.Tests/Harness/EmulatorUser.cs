namespace FisExtension.Emulator.Tests.Harness;

/// <summary>Who <see cref="UnprivilegedEmulator"/> runs the emulator as.</summary>
public enum EmulatorUser
{
    Nobody,
    NobodyWhereUserNamespacesAreForbidden,
    RootWithoutCapabilities,
}
