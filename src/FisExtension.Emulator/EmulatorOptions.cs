using FisExtension.Emulator.Isolation;

namespace FisExtension.Emulator;

/// <summary>How the emulator behaves, as opposed to what it runs (<see cref="FunctionDefinition"/>).</summary>
public sealed record EmulatorOptions
{
    /// <summary>Port of the Runtime and Extensions API listener on 127.0.0.1. Defaults to 0 (any free port).</summary>
    public int RuntimeApiPort { get; init; }

    /// <summary>Port of the invoke listener on 127.0.0.1. Defaults to 0 (any free port).</summary>
    public int InvokePort { get; init; }

    /// <summary>SIGSTOP every process of the function between invocations, as Lambda freezes the sandbox. Defaults to true.</summary>
    public bool Freeze { get; init; } = true;

    /// <summary>Invocations in flight at once (Lambda Managed Instances when above 1). Defaults to 1.</summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>The whole init phase: extensions register, runtime and extensions call next. Defaults to 10 seconds.</summary>
    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time the extensions get after SHUTDOWN before SIGKILL. Defaults to 2 seconds.</summary>
    public TimeSpan ShutdownBudget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Each execution environment in its own network and mount namespaces (the layers at /opt, the Runtime API
    /// on 127.0.0.1:9001), as on Lambda. Defaults to <see cref="IsolationMode.None"/>; the command line defaults to Auto.</summary>
    public IsolationMode Isolation { get; init; } = IsolationMode.None;

    /// <summary>Ports of the host's 127.0.0.1 relayed into every isolated environment's 127.0.0.1 (a local S3 store, a
    /// database). Defaults to none.</summary>
    public IReadOnlyList<int> HostPorts { get; init; } = [];

    /// <summary>Receives every log line (process output, prefixed, and the platform lines). Lines are also kept in <see cref="LambdaEmulator.Logs"/>.</summary>
    public Action<string>? LogSink { get; init; }

    /// <summary>Defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Source of request ids, extension ids and trace ids. Defaults to an unseeded <see cref="System.Random"/>.</summary>
    public Random Random { get; init; } = new();

    /// <summary>
    /// Extra headers on every <c>/next</c> answer, standing for headers a future Lambda may add: a Runtime API proxy
    /// must pass on what it does not know. Defaults to none.
    /// </summary>
    public IReadOnlyDictionary<string, string> AdditionalInvocationHeaders { get; init; } = new Dictionary<string, string>();
}
