namespace FisExtension.Benchmarks;

/// <summary>The fake Runtime and Extensions API as the parts that start extensions see it, in process or out of it.</summary>
internal interface ILambdaApiDouble
{
    /// <summary><c>host:port</c>, as <c>AWS_LAMBDA_RUNTIME_API</c> carries it.</summary>
    string Address { get; }

    /// <summary>Waits for the next registration, or fails after <paramref name="timeout"/>.</summary>
    Task<Registration> NextRegistrationAsync(TimeSpan timeout);

    /// <summary>Releases the extension's pending (or next) <c>event/next</c> with SHUTDOWN.</summary>
    Task SendShutdownAsync(string extensionId);
}
