using System.Text.Json;
using FisExtension.Experiments.Tests.Harness;
using FisExtension.Experiments.Writing;

namespace FisExtension.Experiments.Tests.Writing;

public sealed class FaultConfigurationWriterTests : IDisposable
{
    private readonly ConfigurationFolders _folders = new();
    private readonly FaultConfigurationWriter _writer = new(S3Connection.FromEnvironment(_ => null));

    public void Dispose()
    {
        _writer.Dispose();
        _folders.Dispose();
    }

    private FaultObjectAddress Address => new(new DirectoryConfigurationLocation(_folders.Root), "orders-get", "EXP1", "slow");

    private static FaultObject Fault(string percentage) => new()
    {
        ExperimentId = "EXP1",
        ActionName = "slow",
        ActionId = "aws:lambda:invocation-add-delay",
        StartTime = "2026-11-25T10:00:00Z",
        EndTime = "2026-11-25T10:00:00.5Z",
        Parameters = new Dictionary<string, string> { ["invocationPercentage"] = percentage },
    };

    [Fact(Timeout = 10_000)]
    public async Task Put_WritesTheWholeObjectUnderItsKey_AndReplacesAnEarlierOne()
    {
        await _writer.PutAsync(Address, Fault("10"), CancellationToken.None);
        await _writer.PutAsync(Address, Fault("20"), CancellationToken.None);

        Assert.Equal(["orders-get/EXP1-slow.json"], _folders.Keys());
        using var written = JsonDocument.Parse(await File.ReadAllBytesAsync(Address.Key));
        Assert.Equal("20", written.RootElement.GetProperty("parameters").GetProperty("invocationPercentage").GetString());
        Assert.Equal("2026-11-25T10:00:00.5Z", written.RootElement.GetProperty("endTime").GetString());
        Assert.Equal(1, written.RootElement.GetProperty("schemaVersion").GetInt32());
    }

    [Fact(Timeout = 10_000)]
    public async Task Delete_RemovesTheObject_AndSucceedsWhenItIsAlreadyGone()
    {
        await _writer.PutAsync(Address, Fault("10"), CancellationToken.None);

        await _writer.DeleteAsync(Address, CancellationToken.None);
        await _writer.DeleteAsync(Address, CancellationToken.None);
        Directory.Delete(Path.Combine(_folders.Root, "orders-get"));
        await _writer.DeleteAsync(Address, CancellationToken.None);

        Assert.Empty(_folders.Keys());
    }
}
