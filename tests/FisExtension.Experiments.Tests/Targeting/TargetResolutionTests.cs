using FisExtension.Experiments.Targeting;
using FisExtension.Experiments.Templates;
using FisExtension.Experiments.Tests.Harness;

namespace FisExtension.Experiments.Tests.Targeting;

public sealed class TargetResolutionTests
{
    /// <summary>Answers every target with the same functions: resolution's own logic is under test, not the Lambda API.</summary>
    private sealed class ListResolver(IReadOnlyList<LambdaFunction> functions) : ILambdaFunctionResolver
    {
        public Task<IReadOnlyList<LambdaFunction>> FindAsync(TemplateTarget target, CancellationToken cancellationToken) => Task.FromResult(functions);
    }

    private static ExperimentTemplate Template(bool skipEmptyTargets, string selectionMode = "PERCENT(10)") =>
        TemplateJson.ReadChanged(t =>
        {
            t.Target("Functions")["selectionMode"] = selectionMode;
            if (skipEmptyTargets)
            {
                t["experimentOptions"] = new System.Text.Json.Nodes.JsonObject { ["emptyTargetResolutionMode"] = "skip" };
            }
        }).Template!;

    [Fact(Timeout = 10_000)]
    public async Task TargetSelectingNoFunction_FailsByDefault_NamingTheTarget()
    {
        var exception = await Assert.ThrowsAsync<TargetResolutionException>(() =>
            TargetResolution.ResolveAsync(Template(skipEmptyTargets: false), new ListResolver(Functions.Many(3)), 1, CancellationToken.None));

        Assert.StartsWith("target Functions selects no function (resourceArns arn:aws:lambda:us-east-1:123456789012:function:orders-get, PERCENT(10): 3 identified). Nothing was started.",
            exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task TargetSelectingNoFunction_WithSkip_ResolvesToNothing()
    {
        var resolved = await TargetResolution.ResolveAsync(Template(skipEmptyTargets: true), new ListResolver(Functions.Many(3)), 1, CancellationToken.None);

        var target = Assert.Single(resolved);
        Assert.Equal((3, 0), (target.IdentifiedCount, target.Selected.Count));
    }

    [Fact(Timeout = 10_000)]
    public async Task SameSeed_ResolvesTheSameSelection()
    {
        var template = Template(skipEmptyTargets: false, "COUNT(2)");

        var first = await TargetResolution.ResolveAsync(template, new ListResolver(Functions.Many(9)), 99, CancellationToken.None);
        var again = await TargetResolution.ResolveAsync(template, new ListResolver(Functions.Many(9)), 99, CancellationToken.None);

        Assert.Equal(first.Single().Selected.Select(f => f.Arn), again.Single().Selected.Select(f => f.Arn));
        Assert.Equal(2, first.Single().Selected.Count);
    }
}
