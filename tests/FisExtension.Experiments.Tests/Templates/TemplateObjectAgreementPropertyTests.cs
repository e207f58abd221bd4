using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using FisExtension.Experiments.Running;
using FisExtension.Experiments.Scheduling;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Templates;

/// <summary>
/// fisctl's template check and the extension's object parser agree on every action's parameters: a template fisctl
/// accepts becomes objects the extension injects, and one it refuses would have become an object the extension skips.
/// </summary>
public sealed class TemplateObjectAgreementPropertyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] ActionIds = [FaultActionIds.AddDelay, FaultActionIds.InvocationError, FaultActionIds.HttpIntegrationResponse];

    /// <summary>Every parameter name, one of another action's and two misspellings, so that names are exercised as well as values.</summary>
    private static readonly string[] Names =
    [
        FaultObjectSchema.InvocationPercentage, FaultObjectSchema.StartupDelayMilliseconds, FaultObjectSchema.PreventExecution,
        FaultObjectSchema.StatusCode, FaultObjectSchema.ContentTypeHeader, "invocationPercent", "PreventExecution",
    ];

    /// <summary>Values each side might read differently: signs, exponents, spaces, decimals, case, blanks, controls.</summary>
    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.OneOfConst("0", "1", "50", "100", "100.0", "101", "12.5", "000", "503", "999", "1000", "900000", "900001", "1000.0",
            "1e3", "-0", "+5", " 5", "5 ", "5.", ".5", "0x10", "NaN", "Infinity", "", " ", "true", "false", "True", "FALSE",
            "application/json", "text/plain; charset=utf-8", " text/html ", "text/\nplain", "t\u00e9xt/plain", "\u0007"),
        Gen.Int[-10, 1_000_000].Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double[-5, 1000].Select(d => d.ToString("0.###", CultureInfo.InvariantCulture)),
        Gen.String[0, 12]);

    private static readonly Gen<(int Action, Dictionary<string, string> Parameters)> Case =
        Gen.Select(Gen.Int[0, ActionIds.Length - 1], Gen.Select(Gen.OneOfConst(Names), Value).Array[0, 5])
            .Select((action, pairs) => (action, pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2)));

    [Fact]
    public void TemplateAcceptedByFisctl_IfAndOnlyIf_ItsObjectIsAcceptedByTheExtension() =>
        Case.Sample(c =>
        {
            var (action, parameters) = c;
            var actionId = ActionIds[action];
            var template = TemplateJson.Node();
            var parametersNode = new JsonObject { ["duration"] = "PT1M" };
            foreach (var (name, value) in parameters)
            {
                parametersNode[name] = value;
            }

            template["actions"] = new JsonObject
            {
                ["act"] = new JsonObject { ["actionId"] = actionId, ["parameters"] = parametersNode, ["targets"] = new JsonObject { ["Functions"] = "Functions" } },
            };

            var checkedByFisctl = TemplateJson.Read(template);
            var written = checkedByFisctl.Template is { } accepted
                ? ExperimentRunner.ObjectFor("EXP1", ScheduleBuilder.Build(accepted, Start).Actions.Single())
                : new FaultObject
                {
                    ExperimentId = "EXP1", ActionName = "act", ActionId = actionId, StartTime = "2026-11-25T10:00:00Z", EndTime = "2026-11-25T10:01:00Z",
                    Parameters = new Dictionary<string, string>(parameters) { ["duration"] = "PT1M" },
                };
            var readByExtension = FaultObjectParser.Parse("FisConfigs/orders-get/EXP1-act.json", written.ToUtf8Json());

            Assert.True(checkedByFisctl.IsValid == readByExtension.Definition is not null,
                $"{actionId} {string.Join(", ", parameters.Select(p => $"{p.Key}=\"{p.Value}\""))}: fisctl says [{string.Join(" ", checkedByFisctl.Lines())}], the extension says [{string.Join(" ", readByExtension.Problems)}]");
        }, iter: 20_000);
}
