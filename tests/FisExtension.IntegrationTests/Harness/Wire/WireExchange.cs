namespace FisExtension.IntegrationTests.Harness.Wire;

/// <summary>A request exactly as a test runtime sent it, and the answer it got.</summary>
internal sealed record WireExchange(HttpMessage Sent, HttpMessage Answer);
