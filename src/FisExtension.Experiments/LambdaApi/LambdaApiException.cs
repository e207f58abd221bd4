namespace FisExtension.Experiments.LambdaApi;

/// <summary>The Lambda API could not be reached or refused a request; the message says which and what to do.</summary>
public sealed class LambdaApiException(string message, Exception? inner = null) : Exception(message, inner);
