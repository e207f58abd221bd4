namespace FisExtension.Experiments.Templates;

/// <summary>FIS's own actions that fisctl runs besides the Lambda ones (FIS actions reference).</summary>
public static class FisActionIds
{
    /// <summary>Waits for its <c>duration</c> and acts on nothing: the usual pause between actions chained with <c>startAfter</c>.</summary>
    public const string Wait = "aws:fis:wait";
}
