namespace FisExtension.Emulator;

/// <summary>An extension that called <c>/extension/register</c>.</summary>
public sealed record ExtensionInfo(string Name, string Id, IReadOnlyList<string> Events, IReadOnlyList<string> AcceptedFeatures, DateTimeOffset RegisteredAt);
