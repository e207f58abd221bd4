using System.CommandLine;
using System.Globalization;

namespace FisExtension.Experiments.Cli;

/// <summary>The arguments and options of <c>fisctl experiment preview</c>.</summary>
public static class ExperimentPreviewOptions
{
    public static Command CreateCommand(FisctlServices services)
    {
        var template = new Argument<string>("TEMPLATE") { Description = "The experiment template: the JSON of 'aws fis create-experiment-template --cli-input-json'." };
        var endpoint = new Option<string>("--endpoint")
        {
            Description = "The Lambda API to resolve targets through.",
            DefaultValueFactory = _ => FisctlDefaults.Endpoint,
        };
        endpoint.Validators.Add(result =>
        {
            if (!TryEndpoint(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"--endpoint \"{result.GetValueOrDefault<string>()}\" is not an http:// or https:// URL. Use e.g. {FisctlDefaults.Endpoint}.");
            }
        });
        var seed = new Option<int?>("--seed")
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
        var location = new Option<string?>("--location") { Description = "The configuration location to show for every function, instead of its AWS_FIS_CONFIGURATION_LOCATION." };

        var command = new Command("preview", "Print the functions an experiment would act on and its schedule. Writes nothing.") { template, endpoint, seed, location };
        command.SetAction((parsed, cancellationToken) =>
        {
            TryEndpoint(parsed.GetValue(endpoint), out var uri);
            var request = new PreviewRequest(parsed.GetValue(template)!, uri!, parsed.GetValue(seed), parsed.GetValue(location));
            return ExperimentPreviewCommand.RunAsync(request, services, cancellationToken);
        });
        return command;
    }

    private static bool TryEndpoint(string? text, out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
