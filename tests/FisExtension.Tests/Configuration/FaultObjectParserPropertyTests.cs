using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using FisExtension.Configuration;
using FisExtension.Faults;
using FisExtension.Tests.Configuration.Support;
using Xunit.Abstractions;

namespace FisExtension.Tests.Configuration;

/// <summary>
/// Whatever bytes arrive, the parser yields exactly one outcome, never throws, and accepts only objects that abide
/// by strict schema v1. Four generators share the parser's fuzz budget (<see cref="Fuzz.CasesPerParser"/>).
/// </summary>
[Trait("Category", Fuzz.Category)]
public class FaultObjectParserPropertyTests(ITestOutputHelper output)
{
    private const string Key = "FisConfigs/my-function/EXP-action.json";
    private static readonly long Iterations = Fuzz.CasesPerParser / 4;

    private static readonly string[] ActionIds = [FaultActionIds.AddDelay, FaultActionIds.InvocationError, FaultActionIds.HttpIntegrationResponse];

    private static readonly string[] FieldPaths =
    [
        "schemaVersion", "experimentId", "actionName", "actionId", "startTime", "endTime", "parameters",
        "parameters.invocationPercentage", "parameters.startupDelayMilliseconds", "parameters.preventExecution",
        "parameters.statusCode", "parameters.contentTypeHeader", "parameters.duration",
        "paramaters", "StartTime", "comment", "parameters.invocationPercent", "parameters.PreventExecution",
    ];

    private static readonly Gen<string?> RawJsonValue = Gen.OneOf(
        Gen.OneOfConst<string?>(
            null, "true", "false", "null", "[]", "{}", "\"\"", "1e400", "1e3", "-0", "0", "1", "100", "999", "1000", "900000", "900001",
            "\"1e3\"", "\"1e400\"", "\"NaN\"", "\"-Infinity\"", "\"-0\"", "\"+5\"", "\"100\"", "\"000\"", "\"12.5\"", "\"5.\"", "\".5\"",
            "\"true\"", "\"TRUE\"", "\" 5 \"", "\"PT5M\"",
            "\"2026-11-25T10:00:00Z\"", "\"2026-11-25T22:00:00Z\"", "\"2026-11-25T10:00:00+02:00\"", "\"9999-12-31T23:59:59.9999999Z\"",
            "\"0001-01-01T00:00:00Z\"", "\"aws:lambda:invocation-error\"", "{\"a\":[1,{\"b\":null}]}"),
        Gen.Int.Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Double.Where(double.IsFinite).Select(d => (string?)d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.String.Select(s => (string?)JsonValue.Create(s).ToJsonString()));

    [Fact]
    public void AnyByteString_YieldsOneOutcomeAndNeverThrows() =>
        Fuzz.Run("fault object, any bytes", Gen.Byte.Array[0, 600], AssertOneOutcome, Iterations, output);

    [Fact]
    public void AnyJsonLikeText_YieldsOneOutcomeAndNeverThrows() =>
        Fuzz.Run(
            "fault object, JSON-like text",
            Gen.Char["{}[]\":,0123456789.-+eEtrufalsn \\\t\nZT"].Array[0, 200].Select(chars => Encoding.UTF8.GetBytes(new string(chars))),
            AssertOneOutcome, Iterations, output);

    [Fact]
    public void AnyByteMutationOfAValidObject_YieldsOneOutcomeAndNeverThrows() =>
        Fuzz.Run(
            "fault object, byte mutations of valid objects",
            Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Double[0, 1], Gen.Int[1, 8], Gen.Byte.Array[1, 8]).Select(c =>
            {
                var (action, kind, position, length, bytes) = c;
                var valid = FaultJson.Valid(ActionIds[action]).Bytes();
                var at = (int)(position * (valid.Length - 1));
                return kind switch
                {
                    0 => [.. valid[..at], .. bytes, .. valid[at..]],
                    1 => [.. valid[..at], .. valid[Math.Min(valid.Length, at + length)..]],
                    _ => (byte[])[.. valid[..at], .. bytes, .. valid[Math.Min(valid.Length, at + bytes.Length)..]],
                };
            }),
            AssertOneOutcome, Iterations, output);

    [Fact]
    public void AnyFieldReplacementInAValidObject_YieldsOneOutcomeAndOnlyContractAbidingDefinitions() =>
        Fuzz.Run(
            "fault object, field replacements in valid objects",
            Gen.Select(Gen.Int[0, 2], Gen.Int[0, FieldPaths.Length - 1], RawJsonValue, Gen.Int[0, FieldPaths.Length - 1], RawJsonValue).Select(c =>
            {
                var (action, firstPath, firstValue, secondPath, secondValue) = c;
                var fields = ValidFields[action].ToDictionary(f => f.Key, f => new Dictionary<string, string>(f.Value), StringComparer.Ordinal);
                Replace(fields, FieldPaths[firstPath], firstValue);
                Replace(fields, FieldPaths[secondPath], secondValue);
                return Encoding.UTF8.GetBytes(Write(fields));
            }),
            AssertOneOutcome, Iterations, output);

    /// <summary>
    /// Each valid object as raw JSON text by field, "" holding the top level and "parameters" the parameters: edited
    /// and written as text, so that the fuzz budget goes to the parser rather than to building JSON trees.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, string>>[] ValidFields = [.. ActionIds.Select(actionId =>
    {
        var valid = FaultJson.Valid(actionId);
        var parameters = valid["parameters"]!.AsObject();
        valid.Remove("parameters");
        return new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            [""] = valid.ToDictionary(f => f.Key, f => f.Value!.ToJsonString(), StringComparer.Ordinal),
            ["parameters"] = parameters.ToDictionary(f => f.Key, f => f.Value!.ToJsonString(), StringComparer.Ordinal),
        };
    })];

    private static void Replace(Dictionary<string, Dictionary<string, string>> fields, string path, string? rawValue)
    {
        var (parent, name) = path.Contains('.', StringComparison.Ordinal) ? (path.Split('.')[0], path.Split('.')[1]) : ("", path);
        if (name == "parameters" && parent == "")
        {
            // The whole parameters object: removed, or replaced by a value that is then written as is.
            fields.Remove("parameters");
            if (rawValue is not null)
            {
                fields[""]["parameters"] = rawValue;
            }

            return;
        }

        if (!fields.TryGetValue(parent, out var level))
        {
            return;
        }

        if (rawValue is null)
        {
            level.Remove(name);
        }
        else
        {
            level[name] = rawValue;
        }
    }

    private static string Write(Dictionary<string, Dictionary<string, string>> fields)
    {
        var members = fields[""].Select(f => $"\"{f.Key}\":{f.Value}");
        if (fields.TryGetValue("parameters", out var parameters))
        {
            members = members.Append($"\"parameters\":{{{string.Join(',', parameters.Select(p => $"\"{p.Key}\":{p.Value}"))}}}");
        }

        return $"{{{string.Join(',', members)}}}";
    }

    private static void AssertOneOutcome(byte[] input)
    {
        var result = FaultObjectParser.Parse(Key, input);
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
            AssertStrictSchema(input, definition.Kind);
        }
    }

    /// <summary>An accepted object names only schema v1 fields and its action's parameters, each once, numbers in plain digits.</summary>
    private static void AssertStrictSchema(byte[] input, FaultKind kind)
    {
        var text = Encoding.UTF8.GetString(input).TrimStart('\uFEFF');
        using var document = JsonDocument.Parse(text);
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.Contains(name, FaultObjectSchema.Fields));
        if (!document.RootElement.TryGetProperty(FaultObjectSchema.Parameters, out var parameters))
        {
            return;
        }

        var allowed = FaultObjectSchema.ParametersOf(kind).Append(FaultObjectSchema.Duration).ToList();
        var parameterNames = parameters.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(parameterNames.Count, parameterNames.Distinct(StringComparer.Ordinal).Count());
        Assert.All(parameterNames, name => Assert.Contains(name, allowed));
        foreach (var parameter in parameters.EnumerateObject().Where(p => p.Name is FaultObjectSchema.InvocationPercentage or FaultObjectSchema.StartupDelayMilliseconds or FaultObjectSchema.StatusCode))
        {
            var written = parameter.Value.ValueKind == JsonValueKind.String ? parameter.Value.GetString()! : parameter.Value.GetRawText();
            Assert.Matches(@"^[0-9]+(\.[0-9]+)?$", written);
        }
    }
}
