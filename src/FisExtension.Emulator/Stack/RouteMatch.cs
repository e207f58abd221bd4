namespace FisExtension.Emulator.Stack;

/// <summary>The route a request selected, and the values of its path parameters.</summary>
internal sealed record RouteMatch(HttpRoute Route, IReadOnlyDictionary<string, string> PathParameters);
