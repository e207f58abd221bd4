namespace FisExtension.Launcher;

/// <summary>
/// The environment variables the launcher reads, and the two it hands to the extension it execs. Linked into the
/// extension too, so both read the same names.
/// </summary>
internal static class LaunchEnvironment
{
    // Set by Lambda: host:port of the Runtime and Extensions APIs.
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    // Set by Lambda: "JSON" when the function's logs are in Lambda's JSON log format (anything else means text).
    public const string LogFormat = "AWS_LAMBDA_LOG_FORMAT";
    public const string JsonLogFormat = "JSON";

    // Documented by AWS for the FIS extension (fis-lambda-actions.md §2).
    public const string ProxyListenerPort = "AWS_FIS_PROXY_LISTENER_PORT";
    public const int DefaultListenerPort = 9100;

    // From the launcher to the extension: the identifier Lambda answered the registration with, and the descriptor of
    // the proxy's listening socket, bound before it.
    public const string ExtensionId = "_AWS_FIS_EXTENSION_ID";
    public const string ListenerDescriptor = "_AWS_FIS_LISTENER_FD";

    // The lowest descriptor handed over: 0 to 2 are the standard streams, never ours to take or close, even when
    // Lambda started the process with one of them closed.
    public const int LowestHandedDescriptor = 3;
}
