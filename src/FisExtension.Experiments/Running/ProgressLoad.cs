namespace FisExtension.Experiments.Running;

/// <summary>What the progress line can say about load: none (<c>start</c>), answers (<c>run --url</c>), or answers and
/// the faults the extension logged for them (<c>run --invoke</c>).</summary>
public enum ProgressLoad
{
    None,
    Answers,
    FaultsLogged,
}
