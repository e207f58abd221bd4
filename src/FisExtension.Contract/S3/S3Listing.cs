using System.Globalization;
using FisExtension.Contract.Stores;

namespace FisExtension.Contract.S3;

/// <summary>One ListObjectsV2 page: the objects directly under the prefix (ETags as S3 writes them, quotes included) and the "folders" the delimiter rolled up.</summary>
public sealed class S3Listing(IReadOnlyList<StoredObject> objects, IReadOnlyList<string> commonPrefixes)
{
    public IReadOnlyList<StoredObject> Objects { get; } = objects;

    public IReadOnlyList<string> CommonPrefixes { get; } = commonPrefixes;

    /// <summary>From S3's <c>ListBucketResult</c> (S3 API Reference, ListObjectsV2, "Response Syntax").</summary>
    public static S3Listing Parse(S3XmlElement result)
    {
        if (result.Name != "ListBucketResult")
        {
            throw new FormatException($"S3's answer to a listing is <{result.Name}>, not <ListBucketResult>.");
        }

        var objects = result.All("Contents").Select(contents => new StoredObject(
            contents.TextOf("Key") ?? throw new FormatException("S3 listed an object without a <Key>."),
            contents.TextOf("ETag") ?? "",
            long.TryParse(contents.TextOf("Size"), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0)).ToList();
        var prefixes = result.All("CommonPrefixes").Select(folder => folder.TextOf("Prefix")).OfType<string>().ToList();
        return new S3Listing(objects, prefixes);
    }
}
