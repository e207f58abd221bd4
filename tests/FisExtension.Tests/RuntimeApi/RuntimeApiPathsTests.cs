using FisExtension.RuntimeApi;

namespace FisExtension.Tests.RuntimeApi;

public sealed class RuntimeApiPathsTests
{
    [Theory]
    [InlineData("/2018-06-01/runtime/invocation/abc-123/response", "abc-123", false)]
    [InlineData("/2018-06-01/runtime/invocation/abc-123/error", "abc-123", true)]
    [InlineData("/2018-06-01/runtime/invocation/a%2Fb/response", "a/b", false)]
    public void ResultPaths_YieldTheirRequestId(string path, string expectedId, bool expectedError)
    {
        Assert.True(RuntimeApiPaths.TryParseInvocationResult(path, out var requestId, out var isError));
        Assert.Equal(expectedId, requestId);
        Assert.Equal(expectedError, isError);
    }

    [Theory]
    [InlineData("/2018-06-01/runtime/invocation/next")]
    [InlineData("/2018-06-01/runtime/invocation//response")]
    [InlineData("/2018-06-01/runtime/invocation/a/b/response")]
    [InlineData("/2018-06-01/runtime/init/error")]
    [InlineData("/2018-06-01/runtime/restore/next")]
    public void OtherPaths_AreNotResults(string path) =>
        Assert.False(RuntimeApiPaths.TryParseInvocationResult(path, out _, out _));

    [Fact]
    public void BuiltPaths_RoundTripThroughTheParser()
    {
        Assert.True(RuntimeApiPaths.TryParseInvocationResult(RuntimeApiPaths.Error("id with space"), out var id, out var isError));
        Assert.Equal("id with space", id);
        Assert.True(isError);
    }
}
