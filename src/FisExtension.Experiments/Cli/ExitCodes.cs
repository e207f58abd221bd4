namespace FisExtension.Experiments.Cli;

/// <summary>fisctl's exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The input was fine but the world was not: the Lambda API unreachable, a target function missing.</summary>
    public const int Failed = 1;

    /// <summary>Bad command line or bad template (the usual usage-error code of command-line tools).</summary>
    public const int InvalidInput = 2;

    /// <summary><c>fisctl run</c>: the experiment ran, but a stated <c>--hypothesis</c> did not hold.</summary>
    public const int HypothesisNotHeld = 3;

    /// <summary>Stopped by Ctrl-C or SIGTERM: 128 + SIGINT, as shells report it.</summary>
    public const int Stopped = 130;
}
