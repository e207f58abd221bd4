namespace FisExtension.Emulator.Protocol;

/// <summary>Values of <c>X-Amz-Invocation-Type</c>.</summary>
public static class InvocationTypes
{
    public const string RequestResponse = "RequestResponse";
    public const string Event = "Event";
    public const string DryRun = "DryRun";
}
