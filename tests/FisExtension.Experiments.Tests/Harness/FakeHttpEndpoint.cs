using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>An HTTP endpoint on a real socket (127.0.0.1, port 0) that answers every request with the given handler.</summary>
public sealed class FakeHttpEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeHttpEndpoint(WebApplication app) => _app = app;

    public Uri Url => new(_app.Urls.Single() + "/orders");

    public static async Task<FakeHttpEndpoint> StartAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync();
        return new FakeHttpEndpoint(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
