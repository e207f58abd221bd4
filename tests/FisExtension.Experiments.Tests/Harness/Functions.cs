using FisExtension.Experiments.Targeting;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>Plain <see cref="LambdaFunction"/> values for selection tests.</summary>
public static class Functions
{
    public static LambdaFunction Named(string name) => new() { Name = name, Arn = $"arn:aws:lambda:us-east-1:123456789012:function:{name}" };

    public static IReadOnlyList<LambdaFunction> Many(int count) => Enumerable.Range(1, count).Select(i => Named($"fn-{i:00}")).ToList();
}
