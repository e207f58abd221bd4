using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Targeting;

/// <summary>
/// Applies a selection mode to the identified functions with the given random source. The functions are first put in
/// ARN order, so the same seed picks the same functions whatever order the Lambda API listed them in.
/// </summary>
public static class TargetSelector
{
    public static IReadOnlyList<LambdaFunction> Select(IReadOnlyList<LambdaFunction> identified, SelectionMode mode, Random random)
    {
        var pool = identified.OrderBy(f => f.Arn, StringComparer.Ordinal).ToArray();
        var take = mode.Kind switch
        {
            SelectionKind.Count => Math.Min(mode.Value, pool.Length),
            // Rounded down: PERCENT(n) never acts on more than n % of the functions.
            SelectionKind.Percent => pool.Length * mode.Value / 100,
            _ => pool.Length,
        };

        // Partial Fisher-Yates: the first `take` slots become a uniform random choice without replacement.
        for (var i = 0; i < take && mode.Kind != SelectionKind.All; i++)
        {
            var j = random.Next(i, pool.Length);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool.Take(take).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }
}
