using System.CommandLine;
using System.Globalization;

namespace FisExtension.Experiments.Cli;

/// <summary>The argument and options that <c>fisctl experiment preview</c> and <c>start</c> share.</summary>
public sealed class ExperimentOptions
{
    private readonly Argument<string> _template = new("TEMPLATE") { Description = "The experiment template: the JSON of 'aws fis create-experiment-template --cli-input-json'." };

    private readonly Option<string> _endpoint = new("--endpoint")
    {
        Description = "The Lambda API to resolve targets through.",
        DefaultValueFactory = _ => FisctlDefaults.Endpoint,
    };

    private readonly Option<int?> _seed = new("--seed")
    {
        Description = "Seed of the random target selection (COUNT, PERCENT); printed on every run so a selection can be repeated.",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"--seed \"{text}\" is not a whole number from 0 to {int.MaxValue}. Use the seed a previous run printed, e.g. --seed 42.");
            return null;
        },
    };

    private readonly Option<string?> _location = new("--location") { Description = "The configuration location to use for every function, instead of its AWS_FIS_CONFIGURATION_LOCATION." };

    public ExperimentOptions()
    {
        _endpoint.Validators.Add(result =>
        {
            if (!TryEndpoint(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"--endpoint \"{result.GetValueOrDefault<string>()}\" is not an http:// or https:// URL. Use e.g. {FisctlDefaults.Endpoint}.");
            }
        });
    }

    /// <summary>A command with these options whose action gets the parsed request.</summary>
    public Command CreateCommand(string name, string description, Func<ExperimentRequest, CancellationToken, Task<int>> run) =>
        CreateCommand(name, description, _ => { }, (request, _, cancellationToken) => run(request, cancellationToken));

    /// <summary>A command with these options and more (<c>addOptions</c>), whose action also gets the parse result to read them.</summary>
    public Command CreateCommand(string name, string description, Action<Command> addOptions, Func<ExperimentRequest, ParseResult, CancellationToken, Task<int>> run)
    {
        var command = new Command(name, description) { _template, _endpoint, _seed, _location };
        addOptions(command);
        command.SetAction((parsed, cancellationToken) =>
        {
            TryEndpoint(parsed.GetValue(_endpoint), out var endpoint);
            return run(new ExperimentRequest(parsed.GetValue(_template)!, endpoint!, parsed.GetValue(_seed), parsed.GetValue(_location)), parsed, cancellationToken);
        });
        return command;
    }

    private static bool TryEndpoint(string? text, out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
