using FisExtension.Experiments.Targeting;
using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.LambdaApi;

/// <summary>
/// Resolves targets through the Lambda API: ARNs with GetFunctionConfiguration; tags with ListFunctions, then ListTags
/// per function, then GetFunctionConfiguration for the environment of each match.
/// </summary>
public sealed class LambdaApiFunctionResolver(LambdaApiClient client) : ILambdaFunctionResolver
{
    public async Task<IReadOnlyList<LambdaFunction>> FindAsync(TemplateTarget target, CancellationToken cancellationToken)
    {
        try
        {
            return target.ResourceArns.Count > 0
                ? await FindByArnsAsync(target, cancellationToken).ConfigureAwait(false)
                : await FindByTagsAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (LambdaApiException exception)
        {
            throw new TargetResolutionException($"target {target.Name}: {exception.Message}", exception);
        }
    }

    private async Task<IReadOnlyList<LambdaFunction>> FindByArnsAsync(TemplateTarget target, CancellationToken cancellationToken)
    {
        var functions = new List<LambdaFunction>();
        foreach (var arn in target.ResourceArns)
        {
            var configuration = await client.GetFunctionConfigurationAsync(arn, cancellationToken).ConfigureAwait(false)
                ?? throw new TargetResolutionException($"target {target.Name}: function {arn} does not exist at {client.Endpoint}. Nothing was started. Fix the ARN, or check --endpoint.");
            functions.Add(await DescribeAsync(configuration, null, cancellationToken).ConfigureAwait(false));
        }

        return functions;
    }

    private async Task<IReadOnlyList<LambdaFunction>> FindByTagsAsync(TemplateTarget target, CancellationToken cancellationToken)
    {
        var functions = new List<LambdaFunction>();
        foreach (var listed in await client.ListFunctionsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (listed.FunctionArn is null)
            {
                continue;
            }

            var tags = await client.ListTagsAsync(listed.FunctionArn, cancellationToken).ConfigureAwait(false);
            if (!target.ResourceTags.All(wanted => tags.TryGetValue(wanted.Key, out var value) && value == wanted.Value))
            {
                continue;
            }

            // Deleted between the listing and now: it is no longer a target.
            if (await client.GetFunctionConfigurationAsync(listed.FunctionArn, cancellationToken).ConfigureAwait(false) is { } configuration)
            {
                functions.Add(await DescribeAsync(configuration, tags, cancellationToken).ConfigureAwait(false));
            }
        }

        return functions;
    }

    private async Task<LambdaFunction> DescribeAsync(FunctionConfiguration configuration, IReadOnlyDictionary<string, string>? tags, CancellationToken cancellationToken)
    {
        var arn = configuration.FunctionArn ?? throw new LambdaApiException($"the Lambda API at {client.Endpoint} described {configuration.FunctionName} without a FunctionArn.");
        return new LambdaFunction
        {
            Name = configuration.FunctionName ?? arn[(arn.LastIndexOf(':') + 1)..],
            Arn = arn,
            Tags = tags ?? await client.ListTagsAsync(arn, cancellationToken).ConfigureAwait(false),
            Environment = configuration.Environment?.Variables ?? [],
        };
    }
}
