namespace FisExtension.Tests.Configuration;

/// <summary>The one object layout, <c>&lt;prefix&gt;&lt;function-name&gt;/&lt;experiment-id&gt;-&lt;action-name&gt;.json</c>, in each location kind.</summary>
public sealed class FaultObjectAddressTests
{
    [Theory]
    [InlineData("arn:aws:s3:::fis-configs/FisConfigs", "FisConfigs/orders-get/EXP7f3kQ2-inject-delay.json", "s3://fis-configs/FisConfigs/orders-get/EXP7f3kQ2-inject-delay.json")]
    [InlineData("s3://fis-configs", "orders-get/EXP7f3kQ2-inject-delay.json", "s3://fis-configs/orders-get/EXP7f3kQ2-inject-delay.json")]
    [InlineData("/tmp/fis/", "/tmp/fis/orders-get/EXP7f3kQ2-inject-delay.json", "/tmp/fis/orders-get/EXP7f3kQ2-inject-delay.json")]
    [InlineData("file:///tmp/fis%20configs", "/tmp/fis configs/orders-get/EXP7f3kQ2-inject-delay.json", "/tmp/fis configs/orders-get/EXP7f3kQ2-inject-delay.json")]
    public void ObjectAddress_FollowsTheContractLayout_InEveryLocationForm(string location, string key, string shown)
    {
        Assert.True(ConfigurationLocationParser.TryParse(location, out var parsed, out var problem), problem);

        var address = new FaultObjectAddress(parsed, "orders-get", "EXP7f3kQ2", "inject-delay");

        Assert.Equal((key, shown), (address.Key, address.Shown));
    }

    [Fact]
    public void ObjectAddress_IsUnderThePrefixTheExtensionLists_ForItsFunction()
    {
        var s3 = new S3ConfigurationLocation("fis-configs", "FisConfigs/");
        var directory = new DirectoryConfigurationLocation("/tmp/fis/");

        Assert.StartsWith(s3.FunctionPrefix("orders-get"), new FaultObjectAddress(s3, "orders-get", "EXP1", "slow").Key, StringComparison.Ordinal);
        Assert.Equal(directory.FunctionDirectory("orders-get"), Path.GetDirectoryName(new FaultObjectAddress(directory, "orders-get", "EXP1", "slow").Key));
    }

    [Theory]
    [InlineData("arn:aws:s3:::fis-configs/FisConfigs/", "s3://fis-configs/FisConfigs/")]
    [InlineData("s3://fis-configs/FisConfigs", "s3://fis-configs/FisConfigs/")]
    [InlineData("/tmp/fis/", "/tmp/fis/")]
    public void Location_IsShownAsAUserWritesIt_AndReadsBackAsTheSameLocation(string written, string shown)
    {
        Assert.True(ConfigurationLocationParser.TryParse(written, out var location, out _));
        Assert.True(ConfigurationLocationParser.TryParse(location.Show(), out var again, out _));

        Assert.Equal(shown, location.Show());
        Assert.Equal(location, again);
    }
}
