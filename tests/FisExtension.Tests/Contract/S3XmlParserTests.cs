using System.Text;
using System.Xml;
using CsCheck;

namespace FisExtension.Tests.Contract;

/// <summary>
/// The parser of S3's answers against System.Xml: listings written by <see cref="XmlWriter"/> (every character XML
/// allows, escaped as a writer escapes it, in CDATA or not) read back to the same keys, ETags, sizes and folders; and
/// no input makes it fail other than with <see cref="FormatException"/>.
/// </summary>
public sealed class S3XmlParserTests
{
    private static readonly Gen<string> XmlText = Gen.String.Select(text => new string(text.Where(XmlConvert.IsXmlChar).ToArray()).Replace("\r", "", StringComparison.Ordinal));

    private static readonly Gen<(string Key, string ETag, long Size)> Object =
        Gen.Select(XmlText.Where(key => key.Length > 0), Gen.Char["0123456789abcdef"].Array[32], Gen.Long[0, long.MaxValue])
            .Select((key, etag, size) => (key, $"\"{new string(etag)}\"", size));

    private static readonly Gen<(List<(string Key, string ETag, long Size)> Objects, List<string> Folders, bool Indent, bool CData)> Listing =
        Gen.Select(Object.List[0, 8], XmlText.Where(folder => folder.Length > 0).List[0, 4], Gen.Bool, Gen.Bool);

    [Fact]
    public void ListingsWrittenBySystemXml_AreReadBackExactly() =>
        Listing.Sample(listing =>
        {
            var parsed = S3Listing.Parse(S3XmlParser.Parse(Write(listing.Objects, listing.Folders, listing.Indent, listing.CData)));

            Assert.Equal(listing.Objects, parsed.Objects.Select(o => (o.Key, o.ETag, o.Size)));
            Assert.Equal(listing.Folders, parsed.CommonPrefixes);
        }, iter: 2_000);

    [Fact]
    public void AnyText_IsReadOrRefusedWithAFormatException() =>
        Gen.OneOf(
            Gen.String,
            Gen.Char["<>/=\"'&;#x!?[]-CDATAListBucketResultKey abcdef0123456789F\n"].Array[0, 64].Select(chars => new string(chars)),
            Listing.Select(l => Write(l.Objects, l.Folders, l.Indent, l.CData)).Select(Gen.Int[0, 400], (xml, cut) => xml[..Math.Min(cut, xml.Length)]))
        .Sample(text =>
        {
            try
            {
                S3XmlParser.Parse(text);
            }
            catch (FormatException)
            {
            }
        }, iter: 20_000);

    [Fact]
    public void CharacterReferences_UpToTheLastCodePoint_AreRead() =>
        Assert.Equal("\U0010FFFF\u00e9A", S3XmlParser.Parse("<Key>&#x10FFFF;&#233;&#x0000041;</Key>").Text);

    [Fact]
    public void AnswerAsS3WritesIt_IsRead()
    {
        var listing = S3Listing.Parse(S3XmlParser.Parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>fis-configs</Name><Prefix>FisConfigs/orders/</Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter><IsTruncated>false</IsTruncated><Contents><Key>FisConfigs/orders/EXP1-delay.json</Key><LastModified>2026-11-25T10:00:00.000Z</LastModified><ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag><ChecksumAlgorithm>CRC64NVME</ChecksumAlgorithm><Size>412</Size><StorageClass>STANDARD</StorageClass></Contents><CommonPrefixes><Prefix>FisConfigs/orders/old/</Prefix></CommonPrefixes></ListBucketResult>
            """));

        Assert.Equal(("FisConfigs/orders/EXP1-delay.json", "\"9b2cf535f27731c974343645a3985328\"", 412L), (listing.Objects[0].Key, listing.Objects[0].ETag, listing.Objects[0].Size));
        Assert.Equal(["FisConfigs/orders/old/"], listing.CommonPrefixes);
    }

    [Fact]
    public void ErrorDocument_GivesItsCodeMessageAndRegion()
    {
        var error = S3XmlParser.Parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AuthorizationHeaderMalformed</Code><Message>the region 'us-east-1' is wrong; expecting 'eu-west-1'</Message><Region>eu-west-1</Region><RequestId>R</RequestId></Error>");

        Assert.Equal(("Error", "AuthorizationHeaderMalformed", "eu-west-1"), (error.Name, error.TextOf("Code"), error.TextOf("Region")));
        Assert.Equal("the region 'us-east-1' is wrong; expecting 'eu-west-1'", error.TextOf("Message"));
    }

    [Theory]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"b\">]><Error/>", "a document type declaration")]
    [InlineData("<Error><Code>&a;</Code></Error>", "an unknown entity &a;")]
    [InlineData("<Error><Code>x</Error>", "<Code> is closed by another element")]
    [InlineData("<Error>", "<Error> is not closed")]
    [InlineData("<Error/><Error/>", "content after the root element")]
    [InlineData("<Error><Code>&#0;</Code></Error>", "an unknown entity &#0;")]
    [InlineData("<Error><Code>&#xFFFFFFFF;</Code></Error>", "an unknown entity &#xFFFFFFFF;")]
    [InlineData("<Error><Code>&#x80000000;</Code></Error>", "an unknown entity &#x80000000;")]
    [InlineData("<Error><Code>&#x110000;</Code></Error>", "an unknown entity &#x110000;")]
    [InlineData("<Error><Code>&#99999999;</Code></Error>", "an unknown entity &#99999999;")]
    public void MalformedAnswer_IsRefusedAndSaysWhy(string text, string problem) =>
        Assert.Contains(problem, Assert.Throws<FormatException>(() => S3XmlParser.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void DeepNesting_IsRefusedBeforeTheStackRunsOut() =>
        Assert.Contains("nested too deep", Assert.Throws<FormatException>(() => S3XmlParser.Parse(string.Concat(Enumerable.Repeat("<a>", 100_000)))).Message, StringComparison.Ordinal);

    [Fact]
    public void ListingOfAnotherShape_IsRefused() =>
        Assert.Throws<FormatException>(() => S3Listing.Parse(S3XmlParser.Parse("<ListAllMyBucketsResult/>")));

    private static string Write(List<(string Key, string ETag, long Size)> objects, List<string> folders, bool indent, bool cdata)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = indent, NewLineChars = "\n" }))
        {
            void Element(string name, string value)
            {
                writer.WriteStartElement(name, "http://s3.amazonaws.com/doc/2006-03-01/");
                if (cdata && !value.Contains("]]>", StringComparison.Ordinal))
                {
                    writer.WriteCData(value);
                }
                else
                {
                    writer.WriteString(value);
                }

                writer.WriteEndElement();
            }

            writer.WriteStartDocument();
            writer.WriteStartElement("ListBucketResult", "http://s3.amazonaws.com/doc/2006-03-01/");
            writer.WriteComment(" written by System.Xml ");
            foreach (var (key, etag, size) in objects)
            {
                writer.WriteStartElement("Contents", "http://s3.amazonaws.com/doc/2006-03-01/");
                Element("Key", key);
                Element("ETag", etag);
                Element("Size", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            foreach (var folder in folders)
            {
                writer.WriteStartElement("CommonPrefixes", "http://s3.amazonaws.com/doc/2006-03-01/");
                Element("Prefix", folder);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return text.ToString();
    }
}
