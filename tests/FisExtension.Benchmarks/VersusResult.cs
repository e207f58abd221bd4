namespace FisExtension.Benchmarks;

/// <summary>
/// <c>fis-extension</c> and the Rust reference side by side in one run, each against a fake API process of its own,
/// the direct runtime loop against a third: the figures the overhead targets are stated in.
/// </summary>
internal sealed record VersusResult(
    string RustBinary,
    long RustBinaryBytes,
    IReadOnlyList<VersusLatency> Latency,
    IReadOnlyList<VersusStartup> Startup,
    IReadOnlyList<VersusMemory> Memory);

/// <summary>One body size: the direct loop and each proxy, timed in blocks whose order rotates every round.</summary>
internal sealed record VersusLatency(string Name, int BodyBytes, int PairsEachWay, Distribution DirectMicroseconds, IReadOnlyList<VersusSubjectLatency> Subjects, int Errors);

/// <summary>
/// One proxy at one body size: its pair durations, the median and p99 it adds over direct, and its own process's
/// CPU time (and the system part of it) and context switches per invocation (one <c>GET /next</c> + <c>POST /response</c> pair).
/// </summary>
internal sealed record VersusSubjectLatency(
    string Subject,
    Distribution PairMicroseconds,
    double AddedMedianMicroseconds,
    double AddedP99Microseconds,
    double CpuMillisecondsPerInvocation,
    double SystemCpuMillisecondsPerInvocation,
    double ContextSwitchesPerInvocation);

/// <summary>Process start to the register request arriving at the fake API, cold starts interleaved between proxies.</summary>
/// <summary>Process start to the register request, and to the first answer to a request sent through the proxy once it registered.</summary>
internal sealed record VersusStartup(string Subject, Distribution StartToRegisteredMs, Distribution StartToProxyAnswerMs, Distribution StartToProxyAnswerCpuMs);

/// <summary>RSS after a few invocations and a second idle, then after a soak of 1 MiB invocations.</summary>
internal sealed record VersusMemory(string Subject, long IdleRssKiB, int SoakInvocations, long SoakRssKiB, long SoakPeakRssKiB);
