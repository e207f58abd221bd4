namespace FisExtension.Emulator.Stack;

/// <summary>One function of a stack: today's function definition, plus what the stack does with it.</summary>
public sealed record StackFunction
{
    public const int DefaultReservedConcurrency = 10;

    public static readonly TimeSpan DefaultIdleLifetime = TimeSpan.FromMinutes(5);

    public required FunctionDefinition Definition { get; init; }

    /// <summary>Tags, as ListTags and GetFunction answer them.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Folders or .zip files merged into the function's /opt in this order, later ones overwriting earlier
    /// ones, as Lambda extracts layers.</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    /// <summary>At most this many execution environments at once; beyond, invocations are throttled (429). Defaults to 10.</summary>
    public int ReservedConcurrency { get; init; } = DefaultReservedConcurrency;

    /// <summary>An environment idle this long is reclaimed (SHUTDOWN to its extensions). Defaults to 5 minutes.</summary>
    public TimeSpan IdleLifetime { get; init; } = DefaultIdleLifetime;
}
