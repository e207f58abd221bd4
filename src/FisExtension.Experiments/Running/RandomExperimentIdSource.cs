using System.Security.Cryptography;

namespace FisExtension.Experiments.Running;

/// <summary>Ids in the shape FIS gives experiments: <c>EXP</c> and random letters and digits.</summary>
public sealed class RandomExperimentIdSource : IExperimentIdSource
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public string NextId() => "EXP" + RandomNumberGenerator.GetString(Alphabet, 14);
}
