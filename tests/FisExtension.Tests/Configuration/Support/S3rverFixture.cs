namespace FisExtension.Tests.Configuration.Support;

/// <summary>One s3rver shared by the tests of a class; each test works under its own function name.</summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    private S3rverProcess? _server;

    internal S3rverProcess Server => _server ?? throw new InvalidOperationException("s3rver is not started");

    public async Task InitializeAsync() => _server = await S3rverProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
