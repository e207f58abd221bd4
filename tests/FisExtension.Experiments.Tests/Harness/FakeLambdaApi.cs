using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>
/// A small Lambda control-plane API on a real socket (127.0.0.1, port 0), answering the documented REST shapes of
/// ListFunctions (paged with Marker/NextMarker), GetFunctionConfiguration and ListTags, and recording every request.
/// </summary>
public sealed class FakeLambdaApi : IAsyncDisposable
{
    private const string FunctionsPrefix = "/2015-03-31/functions/";
    private const string TagsPrefix = "/2017-03-31/tags/";
    private const string ConfigurationSuffix = "/configuration";
    private const string InvocationsSuffix = "/invocations";

    private readonly WebApplication _app;

    private FakeLambdaApi(WebApplication app, IEnumerable<FakeFunction> functions)
    {
        _app = app;
        Functions = functions.ToList();
    }

    public IReadOnlyList<FakeFunction> Functions { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>At most this many functions per ListFunctions page, whatever MaxItems asks.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>When set, every request is answered with this error.</summary>
    public (HttpStatusCode Status, string ErrorType, string Message)? Failure { get; set; }

    public Uri Endpoint => new(_app.Urls.Single());

    /// <summary>Answers Invoke (<c>POST /2015-03-31/functions/{name}/invocations</c>) for the named function.</summary>
    public Func<HttpContext, string, Task>? Invoke { get; init; }

    public static async Task<FakeLambdaApi> StartAsync(params FakeFunction[] functions) => await StartAsync(50, functions);

    public static Task<FakeLambdaApi> StartAsync(int pageSize, params FakeFunction[] functions) => StartAsync(pageSize, null, functions);

    public static async Task<FakeLambdaApi> StartAsync(int pageSize, Func<HttpContext, string, Task>? invoke, params FakeFunction[] functions)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new FakeLambdaApi(app, functions) { PageSize = pageSize, Invoke = invoke };
        app.Run(api.HandleAsync);
        await app.StartAsync();
        return api;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        Requests.Enqueue(new RecordedRequest(request.Method, path, request.QueryString.Value ?? "",
            request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString())));

        if (Failure is { } failure)
        {
            await ErrorAsync(context, failure.Status, failure.ErrorType, failure.Message);
        }
        else if (path == FunctionsPrefix)
        {
            await ListFunctionsAsync(context);
        }
        else if (Invoke is not null && path.StartsWith(FunctionsPrefix, StringComparison.Ordinal) && path.EndsWith(InvocationsSuffix, StringComparison.Ordinal))
        {
            await Invoke(context, path[FunctionsPrefix.Length..^InvocationsSuffix.Length]);
        }
        else if (path.StartsWith(FunctionsPrefix, StringComparison.Ordinal) && path.EndsWith(ConfigurationSuffix, StringComparison.Ordinal))
        {
            var function = Find(path[FunctionsPrefix.Length..^ConfigurationSuffix.Length]);
            await (function is null ? NotFoundAsync(context, path) : context.Response.WriteAsJsonAsync(Configuration(function)));
        }
        else if (path.StartsWith(TagsPrefix, StringComparison.Ordinal))
        {
            var function = Find(path[TagsPrefix.Length..]);
            await (function is null ? NotFoundAsync(context, path) : context.Response.WriteAsJsonAsync(new { Tags = function.Tags ?? [] }));
        }
        else
        {
            await ErrorAsync(context, HttpStatusCode.NotFound, "UnknownOperationException", $"no operation at {path}");
        }
    }

    private async Task ListFunctionsAsync(HttpContext context)
    {
        var start = int.TryParse(context.Request.Query["Marker"], out var marker) ? marker : 0;
        var size = Math.Min(PageSize, int.TryParse(context.Request.Query["MaxItems"], out var max) ? max : 50);
        var page = Functions.Skip(start).Take(size).Select(Configuration).ToList();
        var next = start + size < Functions.Count ? (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        await context.Response.WriteAsJsonAsync(new { Functions = page, NextMarker = next });
    }

    private FakeFunction? Find(string nameOrArn) => Functions.FirstOrDefault(f => f.Name == nameOrArn || f.Arn == nameOrArn);

    private static object Configuration(FakeFunction function) => new
    {
        FunctionName = function.Name,
        FunctionArn = function.Arn,
        Runtime = "nodejs22.x",
        Handler = "index.handler",
        Environment = function.Environment is null ? null : new { Variables = function.Environment },
    };

    private static Task NotFoundAsync(HttpContext context, string path) =>
        ErrorAsync(context, HttpStatusCode.NotFound, "ResourceNotFoundException", $"Function not found: {path}");

    private static async Task ErrorAsync(HttpContext context, HttpStatusCode status, string errorType, string message)
    {
        context.Response.StatusCode = (int)status;
        context.Response.Headers["X-Amzn-ErrorType"] = $"{errorType}:http://internal.amazon.com/coral/com.amazonaws.awslambda/";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { Type = "User", Message = message }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
