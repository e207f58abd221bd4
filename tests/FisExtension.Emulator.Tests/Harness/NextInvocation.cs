namespace FisExtension.Emulator.Tests.Harness;

internal sealed record NextInvocation(string RequestId, byte[] Body, IReadOnlyDictionary<string, string> Headers);
