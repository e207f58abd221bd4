namespace FisExtension.Experiments.Tests.Harness;

/// <summary>A function the fake Lambda API knows.</summary>
public sealed record FakeFunction(string Name, Dictionary<string, string>? Tags = null, Dictionary<string, string>? Environment = null)
{
    public string Arn => $"arn:aws:lambda:us-east-1:123456789012:function:{Name}";
}
