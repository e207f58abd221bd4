using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Targeting;

/// <summary>Resolves every target of a template through the resolver and selects from each with one seeded random source.</summary>
public static class TargetResolution
{
    /// <summary>Targets in ordinal name order draw from <c>new Random(seed)</c> in turn, so a seed repeats a selection.</summary>
    public static async Task<IReadOnlyList<ResolvedTarget>> ResolveAsync(
        ExperimentTemplate template, ILambdaFunctionResolver resolver, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var resolved = new List<ResolvedTarget>();
        foreach (var target in template.Targets.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var identified = await resolver.FindAsync(target, cancellationToken).ConfigureAwait(false);
            var selected = TargetSelector.Select(identified, target.SelectionMode, random);
            if (selected.Count == 0 && !template.SkipEmptyTargets)
            {
                throw new TargetResolutionException(
                    $"target {target.Name} selects no function ({Describe(target)}, {target.SelectionMode}: {identified.Count} identified). " +
                    "Nothing was started. Fix the target, or set \"experimentOptions\": {\"emptyTargetResolutionMode\": \"skip\"} to run without it.");
            }

            resolved.Add(new ResolvedTarget(target, identified.Count, selected));
        }

        return resolved;
    }

    public static string Describe(TemplateTarget target) => target.ResourceArns.Count > 0
        ? $"resourceArns {string.Join(", ", target.ResourceArns)}"
        : $"resourceTags {string.Join(", ", target.ResourceTags.Select(t => $"{t.Key}={t.Value}"))}";
}
