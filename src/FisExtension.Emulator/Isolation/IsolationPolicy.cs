namespace FisExtension.Emulator.Isolation;

/// <summary>Turns <see cref="IsolationMode.Auto"/> into what this machine allows, once per emulator or stack, and says so
/// in one line when it falls back to no isolation.</summary>
internal static class IsolationPolicy
{
    /// <summary>The options with Auto resolved. Namespaces asked for where not allowed throws a <see cref="SandboxException"/>.</summary>
    public static EmulatorOptions Resolve(EmulatorOptions options, string? optDirectory, Func<string?>? missing = null)
    {
        if (options.Isolation == IsolationMode.None) return options;
        var problem = (missing ?? NamespaceSupport.Missing)();
        if (problem is null) return options with { Isolation = IsolationMode.Namespaces };
        if (options.Isolation == IsolationMode.Namespaces) throw new SandboxException(NotAllowed(problem));
        options.LogSink?.Invoke(FallbackNotice(problem, optDirectory));
        return options with { Isolation = IsolationMode.None };
    }

    public static string NotAllowed(string problem) =>
        $"--isolation namespaces is not possible here: {problem}. Use --isolation auto or none.";

    public static string FallbackNotice(string problem, string? optDirectory) =>
        $"[emulator] isolation none: {problem}. Function processes share this machine's network (only one environment " +
        "can bind a fixed port such as the FIS proxy's 9100) and /opt is not mounted: point at the layer's real folder, e.g. " +
        $"--env (or the stack function's environment) AWS_LAMBDA_EXEC_WRAPPER={optDirectory ?? "<layer folder>"}/aws-fis/bootstrap.";
}
