namespace FisExtension.IntegrationTests.Harness;

/// <summary>What one test needs from the Lambda environment around the extension.</summary>
internal sealed record HarnessOptions
{
    /// <summary>The runtime to start through the wrapper, or null when the test itself plays the runtime.</summary>
    public IReadOnlyList<string>? RuntimeCommand { get; init; }

    public string Handler { get; init; } = "index.handler";

    public string? TaskRoot { get; init; }

    /// <summary>Extra function environment variables (AWS_FIS_*, handler settings).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the layer (extension + wrapper) is attached. Without it the same function runs bare, for comparisons.</summary>
    public bool WithExtension { get; init; } = true;

    /// <summary>
    /// Whether <c>AWS_LAMBDA_EXEC_WRAPPER</c> names the layer's wrapper, as users set it. Off for OS-only runtimes,
    /// which ignore it and put the wrapper in front of their own command instead.
    /// </summary>
    public bool UseExecWrapper { get; init; } = true;

    /// <summary>What the layer's <c>extensions/fis-extension</c> is: the published binary, or a launcher of it.</summary>
    public string? ExtensionExecutable { get; init; }

    /// <summary>
    /// What the layer's <c>aws-fis/fis-extension</c> is (the published extension by default). The launcher finds the
    /// extension beside its own real path; the wrapper looks for a process running this file to tell an extension
    /// that is still starting from a stranger on the port.
    /// </summary>
    public string? AwsFisExtension { get; init; }

    /// <summary>The file name in <c>/opt/extensions</c>, which Lambda knows the extension by (a container image may rename it).</summary>
    public string ExtensionFileName { get; init; } = "fis-extension";

    /// <summary>A fault configuration folder the extension polls (a local configuration location).</summary>
    public string? ConfigurationDirectory { get; init; }

    public int MaxConcurrency { get; init; } = 1;

    public bool Freeze { get; init; } = true;

    /// <summary>
    /// The function timeout. A cold first invocation's wait for the init poll (AWS_FIS_POLL_MAX_WAIT_MILLISECONDS, up
    /// to 15 s in these tests) counts inside it, so it stays well above every such wait; tests about the timeout set their own.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MemorySizeMb { get; init; } = 128;

    /// <summary>
    /// Time the extensions get after SHUTDOWN before SIGKILL. Lambda gives 2 s; under CI-like load a healthy extension
    /// was not always scheduled to exit within that, and a kill is no part of what most tests check. A test about
    /// promptness bounds the exit time itself.
    /// </summary>
    public TimeSpan ShutdownBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The function's log format (<c>AWS_LAMBDA_LOG_FORMAT</c>): <c>Text</c> or <c>JSON</c>.</summary>
    public string LogFormat { get; init; } = "Text";

    /// <summary>Headers the emulator adds to every <c>/next</c> answer, standing for ones Lambda may add in future.</summary>
    public IReadOnlyDictionary<string, string> AdditionalInvocationHeaders { get; init; } = new Dictionary<string, string>();
}
