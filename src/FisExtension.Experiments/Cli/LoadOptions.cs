using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using FisExtension.Experiments.Hypothesis;
using FisExtension.Experiments.Load;
using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Cli;

/// <summary>The options <c>fisctl run</c> adds to the experiment options: the load, the report windows and the report folder.
/// Every check runs while parsing, so bad input exits 2 before anything is started or written.</summary>
public sealed partial class LoadOptions
{
    private readonly Option<string[]> _url = new("--url") { Description = "Send load to this HTTP URL; repeat for several, used in turn.", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string> _method = new("--method") { Description = "HTTP method of --url requests.", DefaultValueFactory = _ => "GET" };
    private readonly Option<string?> _body = new("--body") { Description = "Body of each request (JSON): the --url request body or the --invoke payload." };
    private readonly Option<string?> _invoke = new("--invoke") { Description = "Send load as synchronous invocations of this function through the Lambda Invoke API at --endpoint." };
    private readonly Option<double?> _rate = new("--rate") { Description = $"Requests per second, sent on schedule whatever the answers (open loop); up to {LoadSettings.MaxRate}." };
    private readonly Option<string?> _pre = new("--pre") { Description = "Steady-state window before the experiment (ISO 8601, e.g. PT10S); default the template's preExperimentDuration, else PT20M." };
    private readonly Option<string?> _post = new("--post") { Description = "Recovery window after the experiment (ISO 8601); default the template's postExperimentDuration, else PT20M." };
    private readonly Option<string?> _timeout = new("--timeout") { Description = "Each request's timeout (ISO 8601), default PT10S." };
    private readonly Option<string[]> _hypothesis = HypothesisOption.Create("What should hold, e.g. \"experiment.errorRate < 50%\" or \"recovery.p99 <= 1.1 * steady.p99\"; repeatable, all must hold (exit 3 if not).");
    private readonly Option<string[]> _stopIf = new("--stop-if") { Description = "Stop the experiment (delete every object at once) when this holds, e.g. \"errorRate > 80% over 10s\"; repeatable." };
    private readonly Option<string?> _report = new("--report") { Description = "Folder for the report; default artifacts/experiments/<experiment id>/." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _url, _method, _body, _invoke, _rate, _pre, _post, _timeout, _report, _hypothesis, _stopIf })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(Validate);
    }

    public LoadRequest Read(ParseResult parsed) => new(
        [.. (parsed.GetValue(_url) ?? []).Select(url => new Uri(url))],
        new HttpMethod((parsed.GetValue(_method) ?? "GET").ToUpperInvariant()),
        parsed.GetValue(_body),
        parsed.GetValue(_invoke),
        new LoadSettings(parsed.GetValue(_rate)!.Value, Duration(parsed.GetValue(_timeout)) ?? LoadSettings.DefaultRequestTimeout, LoadSettings.DefaultMaxInFlight),
        Duration(parsed.GetValue(_pre)),
        Duration(parsed.GetValue(_post)),
        parsed.GetValue(_report),
        HypothesisOption.Claims(parsed, _hypothesis),
        [.. (parsed.GetValue(_stopIf) ?? []).Select(text => StopRuleParser.Parse(text, out _)!)]);

    public LoadOptions()
    {
        _rate.Required = true;
        _rate.CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate > 0 && rate <= LoadSettings.MaxRate)
            {
                return rate;
            }

            result.AddError($"--rate \"{text}\" is not a rate: give requests per second, more than 0 and at most {LoadSettings.MaxRate.ToString(CultureInfo.InvariantCulture)}, e.g. --rate 5.");
            return null;
        };
        _url.Validators.Add(result =>
        {
            foreach (var url in (result.GetValueOrDefault<string[]>() ?? []).Where(url => !IsHttpUrl(url)))
            {
                result.AddError($"--url \"{url}\" is not an http:// or https:// URL.");
            }
        });
        _method.Validators.Add(result =>
        {
            var method = result.GetValueOrDefault<string>();
            if (!MethodPattern().IsMatch(method ?? ""))
            {
                result.AddError($"--method \"{method}\" is not an HTTP method. Use e.g. GET or POST.");
            }
        });
        _stopIf.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (StopRuleParser.Parse(text, out var problem) is null)
                {
                    result.AddError($"--stop-if {problem}");
                }
            }
        });
        foreach (var option in new[] { _pre, _post, _timeout })
        {
            option.Validators.Add(result =>
            {
                var text = result.GetValueOrDefault<string?>();
                if (Duration(text) is not { } duration || (option == _timeout && duration <= TimeSpan.Zero))
                {
                    result.AddError($"{option.Name} \"{text}\" is not an ISO 8601 duration{(option == _timeout ? " above zero" : "")}. Write it like \"PT10S\" or \"PT1M\".");
                }
            });
        }
    }

    private void Validate(CommandResult result)
    {
        var urls = result.GetResult(_url) is { } urlResult ? urlResult.Tokens.Count : 0;
        var invoke = result.GetResult(_invoke) is not null;
        if ((urls == 0) == !invoke)
        {
            result.AddError("give the load's target: one or more --url http://…, or --invoke FUNCTION (not both).");
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^[A-Za-z]+$")]
    private static partial Regex MethodPattern();

    private static TimeSpan? Duration(string? text) => text is not null && Iso8601Duration.TryParse(text, out var duration) ? duration : null;
}
