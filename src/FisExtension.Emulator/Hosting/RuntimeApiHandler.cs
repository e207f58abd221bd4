using FisExtension.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace FisExtension.Emulator.Hosting;

/// <summary>The Runtime API (2018-06-01) and the Extensions API (2020-01-01), on one listener as in Lambda.</summary>
internal sealed partial class RuntimeApiHandler(LambdaEmulator emulator)
{
    public Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var method = context.Request.Method;
        return path switch
        {
            ApiPaths.RuntimeNext => Expect(context, HttpMethods.Get, NextAsync),
            ApiPaths.RuntimeInitError => Expect(context, HttpMethods.Post, InitErrorAsync),
            ApiPaths.RuntimeRestoreNext => Expect(context, HttpMethods.Get, RestoreNextAsync),
            ApiPaths.RuntimeRestoreError => Expect(context, HttpMethods.Post, RestoreErrorAsync),
            ApiPaths.ExtensionRegister => Expect(context, HttpMethods.Post, RegisterAsync),
            ApiPaths.ExtensionEventNext => Expect(context, HttpMethods.Get, EventNextAsync),
            ApiPaths.ExtensionInitError => Expect(context, HttpMethods.Post, ExtensionInitErrorAsync),
            ApiPaths.ExtensionExitError => Expect(context, HttpMethods.Post, ExtensionExitErrorAsync),
            _ when InvocationPath(path, ApiPaths.RuntimeResponseSuffix) is { } id => Expect(context, HttpMethods.Post, c => ResponseAsync(c, id)),
            _ when InvocationPath(path, ApiPaths.RuntimeErrorSuffix) is { } id => Expect(context, HttpMethods.Post, c => InvocationErrorAsync(c, id)),
            _ => HttpExchange.WriteErrorAsync(context.Response, StatusCodes.Status404NotFound, ErrorTypes.NotFound, $"{method} {path} is not an endpoint of the Runtime or Extensions API"),
        };
    }

    /// <summary>The request id in <c>/runtime/invocation/{id}/response</c> or <c>/error</c>.</summary>
    private static string? InvocationPath(string path, string suffix)
    {
        if (!path.StartsWith(ApiPaths.RuntimeInvocationPrefix, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal)) return null;
        var id = path[ApiPaths.RuntimeInvocationPrefix.Length..^suffix.Length];
        return id.Length > 0 && !id.Contains('/', StringComparison.Ordinal) ? Uri.UnescapeDataString(id) : null;
    }

    private static Task Expect(HttpContext context, string method, Func<HttpContext, Task> handle) =>
        string.Equals(context.Request.Method, method, StringComparison.OrdinalIgnoreCase)
            ? handle(context)
            : HttpExchange.WriteErrorAsync(context.Response, StatusCodes.Status405MethodNotAllowed, ErrorTypes.MethodNotAllowed,
                $"{context.Request.Path} accepts {method} only");
}
