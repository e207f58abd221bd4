using FisExtension.Contract.Locations;

namespace FisExtension.Contract.Stores;

/// <summary>Opens the writer of a location: files in a folder, or objects in S3 reached as the extension reaches them.</summary>
public static class FaultObjectWriters
{
    /// <summary>A put or delete that fails on the way is worth retrying: unlike the extension's polls, nothing retries it later.</summary>
    private const int WriteRetries = 2;

    public static IFaultObjectWriter Open(ConfigurationLocation location, S3Connection connection) => location switch
    {
        S3ConfigurationLocation s3 => new S3FaultObjectWriter(S3ClientFactory.Create(connection, WriteRetries), s3),
        DirectoryConfigurationLocation directory => new DirectoryFaultObjectWriter(directory),
        _ => throw new ArgumentException($"{location} is not a location kind the contract knows.", nameof(location)),
    };
}
