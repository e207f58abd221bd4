namespace FisExtension.Experiments.Templates;

public enum SelectionKind
{
    All,
    Count,
    Percent,
}
