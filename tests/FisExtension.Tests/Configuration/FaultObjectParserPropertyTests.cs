using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using FisExtension.Configuration;
using FisExtension.Faults;
using FisExtension.Tests.Configuration.Support;

namespace FisExtension.Tests.Configuration;

/// <summary>Whatever bytes arrive, the parser yields exactly one outcome and never throws.</summary>
public class FaultObjectParserPropertyTests
{
    private const string Key = "FisConfigs/my-function/EXP-action.json";
    private const long Iterations = 4000;

    private static readonly string[] ActionIds = [FaultActionIds.AddDelay, FaultActionIds.InvocationError, FaultActionIds.HttpIntegrationResponse];

    private static readonly string[] FieldPaths =
    [
        "schemaVersion", "experimentId", "actionName", "actionId", "startTime", "endTime", "parameters",
        "parameters.invocationPercentage", "parameters.startupDelayMilliseconds", "parameters.preventExecution",
        "parameters.statusCode", "parameters.contentTypeHeader",
    ];

    private static readonly Gen<string?> RawJsonValue = Gen.OneOf(
        Gen.OneOfConst<string?>(
            null, "true", "false", "null", "[]", "{}", "\"\"", "1e400", "-0", "0", "1", "100", "999", "1000", "900000", "900001",
            "\"1e400\"", "\"NaN\"", "\"-Infinity\"", "\"100\"", "\"000\"", "\"true\"", "\"TRUE\"", "\" 5 \"",
            "\"2026-11-25T10:00:00Z\"", "\"2026-11-25T22:00:00Z\"", "\"2026-11-25T10:00:00+02:00\"", "\"9999-12-31T23:59:59.9999999Z\"",
            "\"0001-01-01T00:00:00Z\"", "\"aws:lambda:invocation-error\"", "{\"a\":[1,{\"b\":null}]}"),
        Gen.Int.Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Where(double.IsFinite).Select(d => (string?)d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.String.Select(s => (string?)JsonValue.Create(s).ToJsonString()));

    [Fact]
    public void AnyByteString_YieldsOneOutcomeAndNeverThrows() =>
        Gen.Byte.Array[0, 600].Sample(bytes => AssertOneOutcome(FaultObjectParser.Parse(Key, bytes)), iter: Iterations);

    [Fact]
    public void AnyJsonLikeText_YieldsOneOutcomeAndNeverThrows() =>
        Gen.Char["{}[]\":,0123456789.-+eEtrufalsn \\\t\nZT"].Array[0, 200]
            .Select(chars => new string(chars))
            .Sample(text => AssertOneOutcome(FaultObjectParser.Parse(Key, Encoding.UTF8.GetBytes(text))), iter: Iterations);

    [Fact]
    public void AnyByteMutationOfAValidObject_YieldsOneOutcomeAndNeverThrows() =>
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Double[0, 1], Gen.Int[1, 8], Gen.Byte.Array[1, 8])
            .Sample((action, kind, position, length, bytes) =>
            {
                var valid = FaultJson.Valid(ActionIds[action]).Bytes();
                var at = (int)(position * (valid.Length - 1));
                byte[] mutated = kind switch
                {
                    0 => [.. valid[..at], .. bytes, .. valid[at..]],
                    1 => [.. valid[..at], .. valid[Math.Min(valid.Length, at + length)..]],
                    _ => [.. valid[..at], .. bytes, .. valid[Math.Min(valid.Length, at + bytes.Length)..]],
                };
                AssertOneOutcome(FaultObjectParser.Parse(Key, mutated));
            }, iter: Iterations);

    [Fact]
    public void AnyFieldReplacementInAValidObject_YieldsOneOutcomeAndOnlyContractAbidingDefinitions() =>
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, FieldPaths.Length - 1], RawJsonValue, Gen.Int[0, FieldPaths.Length - 1], RawJsonValue)
            .Sample((action, firstPath, firstValue, secondPath, secondValue) =>
            {
                var json = FaultJson.Valid(ActionIds[action]);
                Replace(json, FieldPaths[firstPath], firstValue);
                Replace(json, FieldPaths[secondPath], secondValue);
                AssertOneOutcome(FaultObjectParser.Parse(Key, json.Bytes()));
            }, iter: Iterations);

    private static void Replace(JsonObject json, string path, string? rawValue)
    {
        var parts = path.Split('.');
        var parent = parts.Length == 2 ? json[parts[0]] as JsonObject : json;
        if (parent is null)
        {
            return;
        }

        if (rawValue is null)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = JsonNode.Parse(rawValue);
        }
    }

    private static void AssertOneOutcome(FaultObjectParseResult result)
    {
        var outcomes = (result.Definition is null ? 0 : 1) + (result.UnknownActionId is null ? 0 : 1) + (result.Problems.Count > 0 ? 1 : 0);
        Assert.Equal(1, outcomes);
        Assert.All(result.Problems, problem => Assert.False(string.IsNullOrWhiteSpace(problem) || problem.Any(char.IsControl), problem));

        if (result.Definition is { } definition)
        {
            Assert.True(definition.EndTime > definition.StartTime);
            Assert.True(definition.EndTime - definition.StartTime <= TimeSpan.FromHours(12));
            Assert.Equal(TimeSpan.Zero, definition.StartTime.Offset);
            Assert.InRange(definition.InvocationPercentage, 1, 100);
            Assert.InRange(definition.StartupDelayMilliseconds, 0, 900_000);
            Assert.InRange(definition.StatusCode, 0, 999);
            Assert.False(string.IsNullOrWhiteSpace(definition.ContentTypeHeader) || definition.ContentTypeHeader.Any(char.IsControl));
        }
    }
}
