namespace FisExtension.Emulator.Protocol;

/// <summary>Every path the emulator answers. Runtime API 2018-06-01, Extensions API 2020-01-01, and the invoke API of the Runtime Interface Emulator.</summary>
internal static class ApiPaths
{
    public const string RuntimePrefix = "/2018-06-01/runtime";
    public const string RuntimeNext = RuntimePrefix + "/invocation/next";
    public const string RuntimeInvocationPrefix = RuntimePrefix + "/invocation/";
    public const string RuntimeResponseSuffix = "/response";
    public const string RuntimeErrorSuffix = "/error";
    public const string RuntimeInitError = RuntimePrefix + "/init/error";
    public const string RuntimeRestoreNext = RuntimePrefix + "/restore/next";
    public const string RuntimeRestoreError = RuntimePrefix + "/restore/error";

    public const string ExtensionPrefix = "/2020-01-01/extension";
    public const string ExtensionRegister = ExtensionPrefix + "/register";
    public const string ExtensionEventNext = ExtensionPrefix + "/event/next";
    public const string ExtensionInitError = ExtensionPrefix + "/init/error";
    public const string ExtensionExitError = ExtensionPrefix + "/exit/error";

    // The RIE answers any function name in this position; "function" is what its documentation uses.
    public const string InvokePrefix = "/2015-03-31/functions/";
    public const string InvokeSuffix = "/invocations";
    public const string InvokeDefault = InvokePrefix + "function" + InvokeSuffix;
    public const string Health = "/health";

    // The Lambda API (API reference, "Actions"): Invoke, ListFunctions, GetFunction, GetFunctionConfiguration, ListTags.
    public const string Functions = "/2015-03-31/functions";
    public const string ConfigurationSuffix = "/configuration";
    public const string TagsPrefix = "/2017-03-31/tags/";
    public const string HealthVersioned = "/2015-03-31/health";
}
