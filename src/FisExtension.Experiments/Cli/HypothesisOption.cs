using System.CommandLine;
using FisExtension.Experiments.Hypothesis;

namespace FisExtension.Experiments.Cli;

/// <summary><c>--hypothesis</c>, repeatable: each claim checked when the command line is parsed, so a bad one exits 2
/// before anything runs; <c>run</c> and <c>report</c> share it.</summary>
internal static class HypothesisOption
{
    public static Option<string[]> Create(string description)
    {
        var option = new Option<string[]>("--hypothesis") { Description = description };
        option.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (ClaimParser.Parse(text, out var problem) is null)
                {
                    result.AddError($"--hypothesis {problem}");
                }
            }
        });
        return option;
    }

    /// <summary>The claims given, already validated.</summary>
    public static IReadOnlyList<Claim> Claims(ParseResult parsed, Option<string[]> option) =>
        [.. (parsed.GetValue(option) ?? []).Select(text => ClaimParser.Parse(text, out _)!)];
}
