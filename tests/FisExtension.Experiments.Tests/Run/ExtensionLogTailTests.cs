using System.Text;
using FisExtension.Experiments.Load;

namespace FisExtension.Experiments.Tests.Run;

public sealed class ExtensionLogTailTests
{
    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void TextAndJsonLines_GiveTheActionNames_AndOtherLinesNone()
    {
        var tail = Base64("START RequestId: 1\n"
            + "AWS FIS EXTENSION - adding 500 milliseconds of latency to function invocation (experiment EXPa, action slow)\n"
            + "AWS FIS EXTENSION - found active faults\n"
            + "{\"timestamp\":\"2026-11-25T10:00:00.000Z\",\"level\":\"INFO\",\"fields\":{\"message\":\"AWS FIS EXTENSION - returning a synthetic HTTP 503 response without running the function (experiment EXPa, action http-503)\",\"requestId\":\"1\"}}\n"
            + "handler says (experiment EXPa, action not-the-extension)\n");

        Assert.Equal(["slow", "http-503"], ExtensionLogTail.FaultActions(tail));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    public void MissingOrMalformedTail_GivesNone(string? tail) => Assert.Empty(ExtensionLogTail.FaultActions(tail));
}
