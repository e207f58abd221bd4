using FisExtension.Configuration;
using FisExtension.Platform;

namespace FisExtension.Tests.Platform;

public sealed class SocketSchedulingTests
{
    [Fact]
    public void Unset_TurnsTheRuntimesInlineCompletionsOn()
    {
        var environment = new Dictionary<string, string>();

        SocketScheduling.PreferInlineCompletions(name => environment.GetValueOrDefault(name), (name, value) => environment[name] = value);

        Assert.Equal("1", environment[EnvironmentVariables.InlineSocketCompletions]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("")]
    public void AlreadySet_IsLeftAsTheEnvironmentSaysIt(string value)
    {
        var environment = new Dictionary<string, string> { [EnvironmentVariables.InlineSocketCompletions] = value };

        SocketScheduling.PreferInlineCompletions(name => environment.GetValueOrDefault(name), (name, value) => environment[name] = value);

        Assert.Equal(value, environment[EnvironmentVariables.InlineSocketCompletions]);
    }
}
