namespace FisExtension.Faults;

/// <summary>The source of chance, injected so that every percentage has a deterministic test.</summary>
internal interface IRandomSource
{
    /// <summary>A number in [0, 100).</summary>
    double NextPercent();
}
