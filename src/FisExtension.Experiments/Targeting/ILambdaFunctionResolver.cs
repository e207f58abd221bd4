using FisExtension.Experiments.Templates;

namespace FisExtension.Experiments.Targeting;

/// <summary>Finds every function a target identifies (by ARN or by tags), with its tags and environment.</summary>
public interface ILambdaFunctionResolver
{
    /// <summary>Throws <see cref="TargetResolutionException"/> with a message for the user when the functions cannot be found.</summary>
    Task<IReadOnlyList<LambdaFunction>> FindAsync(TemplateTarget target, CancellationToken cancellationToken);
}
