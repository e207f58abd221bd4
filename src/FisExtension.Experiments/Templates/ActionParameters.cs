using static FisExtension.Contract.Objects.FaultObjectSchema;

namespace FisExtension.Experiments.Templates;

/// <summary>
/// The parameters of the three Lambda actions (and of <c>aws:fis:wait</c>). Every fault parameter is checked by the
/// contract's own rules (<see cref="ParameterRules"/>), the ones the extension applies to the objects it reads, so a
/// template fisctl accepts never becomes an object the extension rejects. Only <c>duration</c>, which FIS acts on and
/// the extension ignores, is fisctl's to check.
/// </summary>
public static class ActionParameters
{
    /// <summary>A v1 object spans at most 12 hours (README, object schema v1), so an action runs at most that long.</summary>
    public static readonly TimeSpan MaxDuration = MaxSpan;

    private static readonly ParameterRule DurationRule = new(Duration, Required: true, "\"PT5M\"", CheckDuration);

    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        [InvocationPercentage] = "\"50\"",
        [StartupDelayMilliseconds] = "\"2000\"",
        [PreventExecution] = "\"true\"",
        [StatusCode] = "\"503\"",
        [ContentTypeHeader] = "\"application/json\"",
    };

    public static IReadOnlyDictionary<string, IReadOnlyList<ParameterRule>> ByActionId { get; } = new Dictionary<string, IReadOnlyList<ParameterRule>>
    {
        [FaultActionIds.AddDelay] = RulesOf(FaultKind.StartDelay),
        [FaultActionIds.InvocationError] = RulesOf(FaultKind.InvocationError),
        [FaultActionIds.HttpIntegrationResponse] = RulesOf(FaultKind.HttpIntegrationResponse),
        [FisActionIds.Wait] = [DurationRule],
    };

    private static ParameterRule[] RulesOf(FaultKind kind) =>
    [
        DurationRule,
        .. ParametersOf(kind).Select(name => new ParameterRule(name, RequiredParametersOf(kind).Contains(name), Examples[name], text => ParameterRules.CheckString(name, text))),
    ];

    private static string? CheckDuration(string value)
    {
        if (!Iso8601Duration.TryParse(value, out var duration))
        {
            return $"\"{value}\" is not an ISO 8601 duration. Write it like \"PT5M\", \"PT1H30M\" or \"PT0.5S\".";
        }

        if (duration <= TimeSpan.Zero)
        {
            return $"\"{value}\" is zero. An action must run for some time, e.g. \"PT1M\".";
        }

        return duration > MaxDuration ? $"\"{value}\" is above PT12H. An action runs at most 12 hours." : null;
    }
}
