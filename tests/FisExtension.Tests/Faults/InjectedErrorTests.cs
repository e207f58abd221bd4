using System.Text.Json;
using FisExtension.Faults;
using static FisExtension.Tests.Faults.TestFaults;

namespace FisExtension.Tests.Faults;

public sealed class InjectedErrorTests
{
    [Fact]
    public void Body_IsLambdasErrorDocument_NamingTheExperimentAndAction()
    {
        var fault = Error("inject-error", T0, T0.AddMinutes(5));

        using var body = JsonDocument.Parse(InjectedError.Body(fault));

        Assert.Equal(["errorMessage", "errorType", "stackTrace"], body.RootElement.EnumerateObject().Select(field => field.Name));
        Assert.Equal(
            "Fault injected by AWS FIS experiment EXP7f3kQ2, action inject-error (aws:lambda:invocation-error)",
            body.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("FisInjectedError", body.RootElement.GetProperty("errorType").GetString());
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("stackTrace").ValueKind);
        Assert.Equal(0, body.RootElement.GetProperty("stackTrace").GetArrayLength());
    }

    [Fact]
    public void Body_IsCompactUtf8()
    {
        var fault = Error("inject-error", T0, T0.AddMinutes(5));

        Assert.Equal(
            """{"errorMessage":"Fault injected by AWS FIS experiment EXP7f3kQ2, action inject-error (aws:lambda:invocation-error)","errorType":"FisInjectedError","stackTrace":[]}"""u8.ToArray(),
            InjectedError.Body(fault));
    }

    [Fact]
    public void Body_EscapesQuotesInNames_AndStaysValidJson()
    {
        var fault = Error("inject-error", T0, T0.AddMinutes(5)) with { ActionName = "say \"hi\"\n" };

        using var body = JsonDocument.Parse(InjectedError.Body(fault));

        Assert.Contains("action say \"hi\"\n (", body.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorType_IsTheHeaderValueOfTheContract()
    {
        Assert.Equal("FisInjectedError", InjectedError.ErrorType);
    }
}
