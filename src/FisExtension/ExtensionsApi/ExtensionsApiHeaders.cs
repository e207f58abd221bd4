namespace FisExtension.ExtensionsApi;

/// <summary>Header names of the Extensions API.</summary>
internal static class ExtensionsApiHeaders
{
    /// <summary>Must equal the extension's file name in <c>/opt/extensions/</c>.</summary>
    public const string Name = "Lambda-Extension-Name";
    public const string Identifier = "Lambda-Extension-Identifier";
    public const string FunctionErrorType = "Lambda-Extension-Function-Error-Type";
}
