using FisExtension.IntegrationTests.Harness;

namespace FisExtension.IntegrationTests.Platform;

/// <summary>
/// What the extension's binary must not carry, for both architectures: the AWS SDK (its S3 reads are its own), the
/// regular-expression engine (the redaction rules are scanners; the ILLink substitution keeps YARP's unused client
/// factory from bringing it through WebProxy) and System.Xml (S3's answers have a parser of their own). Each cost
/// the binary hundreds of kilobytes (README, Overhead); a change that brings one back would still work, so this is
/// what catches it. Read from the symbols of the same build as the shipped binary.
/// </summary>
public sealed class ShippedCodeTests
{
    [Theory]
    [InlineData("x86_64", "AWSSDK_")]
    [InlineData("x86_64", "System_Text_RegularExpressions_")]
    [InlineData("x86_64", "S_P_Xml_")]
    [InlineData("arm64", "AWSSDK_")]
    [InlineData("arm64", "System_Text_RegularExpressions_")]
    [InlineData("arm64", "S_P_Xml_")]
    public void ExtensionBinary_HasNoCodeFrom(string architecture, string assemblyPrefix)
    {
        var (binary, symbols) = RepositoryPaths.ExtensionWithSymbols(architecture);
        Assert.Equal(ManagedCodeSymbols.BuildId(binary), ManagedCodeSymbols.BuildId(symbols));
        var methods = ManagedCodeSymbols.Read(symbols).Methods.SelectMany(m => m.Names).ToList();

        Assert.True(methods.Count > 10_000, $"only {methods.Count} managed symbols read");
        var found = methods.Where(name => name.StartsWith(assemblyPrefix, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, $"{found.Count} methods of {assemblyPrefix}* in the {architecture} extension, e.g. {string.Join(", ", found.Take(3))}");
    }
}
