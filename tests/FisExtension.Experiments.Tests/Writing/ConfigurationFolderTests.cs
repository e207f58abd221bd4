using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Tests.Writing;

public sealed class ConfigurationFolderTests
{
    [Theory]
    [InlineData("/tmp/fis/", "/tmp/fis/")]
    [InlineData("file:///tmp/fis%20configs/", "/tmp/fis configs/")]
    public void LocalFolder_IsAccepted(string location, string path)
    {
        Assert.Equal(new ConfigurationFolder(path), ConfigurationFolder.Parse(location, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("s3://fis-configs/FisConfigs/", "\"s3://fis-configs/FisConfigs/\" is an S3 location; fisctl writes only to local folders so far. Pass --location with an absolute folder, e.g. /tmp/fis/.")]
    [InlineData("arn:aws:s3:::fis-configs/FisConfigs/", "\"arn:aws:s3:::fis-configs/FisConfigs/\" is an S3 location; fisctl writes only to local folders so far. Pass --location with an absolute folder, e.g. /tmp/fis/.")]
    [InlineData("fis/", "\"fis/\" is not an absolute folder. Use e.g. /tmp/fis/ or file:///tmp/fis/.")]
    public void OtherLocation_IsRefused_SayingWhatToUse(string location, string expected)
    {
        Assert.Null(ConfigurationFolder.Parse(location, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void ObjectKey_FollowsTheContractLayout()
    {
        var address = new FaultObjectAddress(new ConfigurationFolder("/tmp/fis/"), "orders-get", "EXP7f3kQ2", "inject-delay");

        Assert.Equal("orders-get/EXP7f3kQ2-inject-delay.json", address.Key);
        Assert.Equal("/tmp/fis/orders-get/EXP7f3kQ2-inject-delay.json", address.FullPath);
    }
}
