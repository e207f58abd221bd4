using System.Text;
using System.Text.Json;
using CsCheck;
using FisExtension.Faults;

namespace FisExtension.Tests.Faults;

public sealed class LambdaEventShapeTests
{
    [Theory]
    [InlineData(SharedLambdaEvents.AlbSingleValue)]
    [InlineData(SharedLambdaEvents.AlbMultiValue)]
    public void AlbEvent_IsRecognised(string fileName)
    {
        Assert.True(LambdaEventShape.IsApplicationLoadBalancer(SharedLambdaEvents.Read(fileName)));
    }

    [Fact]
    public void MultiValueAlbEvent_IsReadAsMultiValue_AndSingleValueAndApiGatewayEventsAreNot()
    {
        Assert.Equal(new HttpEventShape(true, true), LambdaEventShape.Read(SharedLambdaEvents.Read(SharedLambdaEvents.AlbMultiValue)));
        Assert.Equal(new HttpEventShape(true, false), LambdaEventShape.Read(SharedLambdaEvents.Read(SharedLambdaEvents.AlbSingleValue)));

        // API Gateway REST events carry both headers and multiValueHeaders; either is fine in their responses.
        Assert.Equal(new HttpEventShape(false, false), LambdaEventShape.Read(SharedLambdaEvents.Read(SharedLambdaEvents.ApiGatewayV1)));
    }

    public static TheoryData<string> NonAlbEvents() => [.. SharedLambdaEvents.NonAlbEvents];

    [Theory]
    [MemberData(nameof(NonAlbEvents))]
    public void OtherEvents_AreNotAlb(string fileName)
    {
        var eventJson = SharedLambdaEvents.Read(fileName);

        Assert.NotEmpty(eventJson);
        Assert.False(LambdaEventShape.IsApplicationLoadBalancer(eventJson));
    }

    [Theory]
    [InlineData("""{"requestContext":{"elb":{}}}""", true)]
    [InlineData("""{"body":"{\"requestContext\":{\"elb\":{}}}","requestContext":{"stage":"prod","elb":{"targetGroupArn":"x"}}}""", true)]
    [InlineData("""{"body":"{\"requestContext\":{\"elb\":{}}}"}""", false)]
    [InlineData("""{"requestContext":{"elb":null}}""", false)]
    [InlineData("""{"requestContext":"elb"}""", false)]
    [InlineData("""{"elb":{}}""", false)]
    [InlineData("""{"other":{"requestContext":{"elb":{}}}}""", false)]
    [InlineData("""{"requestContext":{"nested":{"elb":{}}}}""", false)]
    [InlineData("""[{"requestContext":{"elb":{}}}]""", false)]
    [InlineData("""{"requestContext":{"elb":{}}} trailing""", false)]
    [InlineData("""{"requestContext":{"elb":{}},""", false)]
    [InlineData("""{"requestContext":{"elb":{}}}/* comment */""", false)]
    [InlineData("", false)]
    [InlineData("null", false)]
    public void OnlyAWholeObjectWithRequestContextElb_IsAlb(string eventJson, bool expected)
    {
        Assert.Equal(expected, LambdaEventShape.IsApplicationLoadBalancer(Encoding.UTF8.GetBytes(eventJson)));
    }

    [Fact]
    public void AlbEventWithByteOrderMark_IsRecognised()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. SharedLambdaEvents.Read(SharedLambdaEvents.AlbSingleValue)];

        Assert.True(LambdaEventShape.IsApplicationLoadBalancer(withBom));
    }

    [Fact]
    public void EveryTruncationOfAnAlbEvent_IsNotAlb()
    {
        var eventJson = SharedLambdaEvents.Read(SharedLambdaEvents.AlbMultiValue);
        var lastBrace = Array.LastIndexOf(eventJson, (byte)'}');

        var recognisedPrefixes = Enumerable.Range(0, lastBrace + 1)
            .Where(length => LambdaEventShape.IsApplicationLoadBalancer(eventJson.AsSpan(0, length)))
            .ToArray();

        Assert.Empty(recognisedPrefixes);
        Assert.True(LambdaEventShape.IsApplicationLoadBalancer(eventJson.AsSpan(0, lastBrace + 1)));
    }

    [Fact]
    public void InvalidUtf8InPropertyNames_IsNotAlb()
    {
        byte[] eventJson = [.. "{\"requestContext\":{\""u8, 0xFF, 0xFE, .. "\":{}},\""u8, 0xC3, .. "\":1}"u8];

        Assert.False(LambdaEventShape.IsApplicationLoadBalancer(eventJson));
    }

    [Fact]
    public void DeeplyNestedEvent_IsNotAlb()
    {
        var eventJson = Encoding.UTF8.GetBytes("""{"requestContext":{"elb":{}},"deep":""" + new string('[', 100_000) + new string(']', 100_000) + "}");

        Assert.False(LambdaEventShape.IsApplicationLoadBalancer(eventJson));
    }

    [Fact]
    public void SixMegabyteAlbEvent_IsRecognised()
    {
        var body = new string('a', 6 * 1024 * 1024);
        var eventJson = Encoding.UTF8.GetBytes("""{"requestContext":{"elb":{"targetGroupArn":"arn"}},"body":""" + $"\"{body}\"}}");

        Assert.True(LambdaEventShape.IsApplicationLoadBalancer(eventJson));
    }

    [Fact]
    public void AnyBytes_NeverThrow()
    {
        Gen.Byte.Array[0, 2048].Sample(bytes => { _ = LambdaEventShape.IsApplicationLoadBalancer(bytes); }, iter: 10_000);
    }

    [Fact]
    public void AnyBytesAfterAnAlbPrefix_NeverThrow()
    {
        var prefix = Encoding.UTF8.GetBytes("""{"requestContext":{"elb":{""");

        Gen.Byte.Array[0, 256].Sample(suffix => { _ = LambdaEventShape.IsApplicationLoadBalancer([.. prefix, .. suffix]); }, iter: 10_000);
    }

    [Fact]
    public void AnyMutationOfAnAlbEvent_AgreesWithAFullJsonParse()
    {
        var eventJson = SharedLambdaEvents.Read(SharedLambdaEvents.AlbSingleValue);
        var mutation = Gen.Select(Gen.Int[0, eventJson.Length - 1], Gen.Byte);

        mutation.Sample(
            change =>
            {
                var mutated = (byte[])eventJson.Clone();
                mutated[change.Item1] = change.Item2;
                return LambdaEventShape.IsApplicationLoadBalancer(mutated) == HasRequestContextElbByJsonDocument(mutated);
            },
            iter: 10_000);
    }

    private static bool HasRequestContextElbByJsonDocument(byte[] eventJson)
    {
        try
        {
            using var document = JsonDocument.Parse(eventJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.EnumerateObject().Any(property =>
                    property.NameEquals("requestContext")
                    && property.Value.ValueKind == JsonValueKind.Object
                    && property.Value.EnumerateObject().Any(inner => inner.NameEquals("elb") && inner.Value.ValueKind == JsonValueKind.Object));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
