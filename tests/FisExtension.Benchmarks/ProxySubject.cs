namespace FisExtension.Benchmarks;

/// <summary>
/// A Runtime API proxy extension under measurement: its binary, the variable that sets its listener port, and extra
/// environment. <c>fis-extension</c> reads <c>AWS_FIS_PROXY_LISTENER_PORT</c>; the Rust reference <c>RUST_PROXY_PORT</c>.
/// <see cref="Arguments"/> go to the program started (qemu-user, which then runs the extension they name).
/// </summary>
internal sealed record ProxySubject(string Name, string BinaryPath, string PortVariable, IReadOnlyDictionary<string, string> Environment)
{
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static ProxySubject FisExtension(BenchOptions options) =>
        new("fis-extension", options.BinaryPath, "AWS_FIS_PROXY_LISTENER_PORT", options.ExtensionEnvironment);

    /// <summary>A second build of fis-extension (or the same with other settings), for an A/B comparison in one run.</summary>
    public static ProxySubject Candidate(BenchOptions options) =>
        new("candidate", options.CandidateBinaryPath ?? options.BinaryPath, "AWS_FIS_PROXY_LISTENER_PORT", options.CandidateEnvironment);

    public static ProxySubject RustReference(string binaryPath) =>
        new("rust-hyper", binaryPath, "RUST_PROXY_PORT", new Dictionary<string, string>());
}
