using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace FisExtension.RuntimeApi;

/// <summary>
/// Lets <c>UseKestrelCore()</c> register Kestrel's services into a plain <see cref="IServiceCollection"/>, without a host.
/// It is the one public way to register them (the socket transport takes its memory pool factory through an internal
/// option that only those registrations set); the host around them would also build configuration, a hosting
/// environment, a middleware pipeline and a console lifetime that the proxy does not use. Without the host the binary
/// is 1.1 MB smaller, idle RSS 3.2 MiB smaller, and the proxy answered 9–21 ms sooner after start in two same-run
/// A/Bs (README, "Overhead"). Nothing here reads configuration, so the function's <c>ASPNETCORE_*</c> variables and
/// <c>appsettings.json</c>, which the extension inherits, cannot reconfigure the proxy.
/// </summary>
#pragma warning disable ASPDEPR008 // IWebHost is obsolete; Build() is never called, the services are all that is wanted.
internal sealed class KestrelServiceRegistration(IServiceCollection services) : IWebHostBuilder
{
    public IWebHostBuilder ConfigureServices(Action<IServiceCollection> configureServices)
    {
        configureServices(services);
        return this;
    }

    public string? GetSetting(string key) => null;

    public IWebHostBuilder ConfigureServices(Action<WebHostBuilderContext, IServiceCollection> configureServices) =>
        throw Unsupported();

    public IWebHostBuilder ConfigureAppConfiguration(Action<WebHostBuilderContext, IConfigurationBuilder> configureDelegate) =>
        throw Unsupported();

    public IWebHostBuilder UseSetting(string key, string? value) => throw Unsupported();

    public IWebHost Build() => throw Unsupported();

    private static NotSupportedException Unsupported() =>
        new("Only service registrations are collected here; there is no host to configure or build.");
}
#pragma warning restore ASPDEPR008
