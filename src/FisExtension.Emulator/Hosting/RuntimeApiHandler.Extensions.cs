using System.Text.Json;
using System.Threading.Channels;
using FisExtension.Emulator.Lifecycle;
using FisExtension.Emulator.Protocol;
using Microsoft.AspNetCore.Http;

namespace FisExtension.Emulator.Hosting;

internal sealed partial class RuntimeApiHandler
{
    private const string AccountIdFeature = "accountId";

    private async Task RegisterAsync(HttpContext context)
    {
        var request = context.Request;
        var name = request.Headers[ApiHeaders.ExtensionName].ToString();
        if (name.Length == 0)
        {
            await HttpExchange.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, ErrorTypes.InvalidRequest,
                $"The {ApiHeaders.ExtensionName} header is required: the extension's file name in /opt/extensions").ConfigureAwait(false);
            return;
        }
        var body = await HttpExchange.ReadBodyAsync(request, 64 * 1024, context.RequestAborted).ConfigureAwait(false);
        if (ParseEvents(body) is not { } events)
        {
            await HttpExchange.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, ErrorTypes.InvalidRequest,
                "The body must be {\"events\":[...]} with events among INVOKE and SHUTDOWN").ConfigureAwait(false);
            return;
        }
        var features = request.Headers[ApiHeaders.ExtensionAcceptFeature].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var environment = emulator.CurrentEnvironment;
        if (environment?.Register(name, events, features) is not { } session)
        {
            await HttpExchange.WriteErrorAsync(context.Response, StatusCodes.Status403Forbidden, ErrorTypes.InvalidStateTransition,
                "Extensions can register during init only").ConfigureAwait(false);
            return;
        }
        var function = emulator.Function;
        context.Response.Headers[ApiHeaders.ExtensionIdentifier] = session.Info.Id;
        var accountId = features.Contains(AccountIdFeature, StringComparer.Ordinal) ? function.AccountId : null;
        await HttpExchange.WriteAsync(context.Response, StatusCodes.Status200OK,
            JsonBodies.RegisterResponse(function.FunctionName, function.Version, function.Handler, accountId)).ConfigureAwait(false);
    }

    private async Task EventNextAsync(HttpContext context)
    {
        if (await SessionOrForbiddenAsync(context).ConfigureAwait(false) is not (_, { } session)) return;
        ExtensionEvent next;
        try
        {
            next = await session.NextAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            await HttpExchange.WriteErrorAsync(context.Response, StatusCodes.Status500InternalServerError, ErrorTypes.InvalidStateTransition,
                "The execution environment is shutting down").ConfigureAwait(false);
            return;
        }
        context.Response.Headers[ApiHeaders.ExtensionEventIdentifier] = emulator.NewId();
        await HttpExchange.WriteAsync(context.Response, StatusCodes.Status200OK, next.Body).ConfigureAwait(false);
    }

    private async Task ExtensionInitErrorAsync(HttpContext context)
    {
        if (await SessionOrForbiddenAsync(context).ConfigureAwait(false) is not ({ } environment, { } session)) return;
        var (errorType, body) = await ReadExtensionErrorAsync(context).ConfigureAwait(false);
        var message = $"Extension {session.Info.Name} failed to initialise: {MessageOf(body)}";
        emulator.WriteLog($"init/error from {session.Info.Name}: {errorType}: {MessageOf(body)}");
        if (!environment.FailInit(new InitFailure(errorType, message, JsonBodies.Error(errorType, message))))
        {
            await InvalidStateAsync(context.Response).ConfigureAwait(false);
            return;
        }
        await HttpExchange.AcceptedAsync(context.Response).ConfigureAwait(false);
    }

    // Lambda resets the environment after an extension reports exit/error; so does the emulator, at the next invoke.
    private async Task ExtensionExitErrorAsync(HttpContext context)
    {
        if (await SessionOrForbiddenAsync(context).ConfigureAwait(false) is not ({ } environment, { } session)) return;
        var (errorType, body) = await ReadExtensionErrorAsync(context).ConfigureAwait(false);
        emulator.WriteLog($"exit/error from {session.Info.Name}: {errorType}: {MessageOf(body)}");
        environment.MarkNeedsReset();
        await HttpExchange.AcceptedAsync(context.Response).ConfigureAwait(false);
    }

    private async Task<(string ErrorType, byte[] Body)> ReadExtensionErrorAsync(HttpContext context)
    {
        var body = await HttpExchange.ReadBodyAsync(context.Request, LambdaLimits.MaxSyncPayloadBytes, context.RequestAborted).ConfigureAwait(false) ?? [];
        var errorType = NullIfEmpty(context.Request.Headers[ApiHeaders.ExtensionErrorType]) ?? JsonBodies.ErrorTypeOf(body) ?? ErrorTypes.ExtensionInitError;
        return (errorType, body);
    }

    private async Task<(ExecutionEnvironment Environment, ExtensionSession Session)?> SessionOrForbiddenAsync(HttpContext context)
    {
        var id = context.Request.Headers[ApiHeaders.ExtensionIdentifier].ToString();
        if (id.Length > 0 && emulator.TryFindSession(id, out var environment, out var session)) return (environment, session);
        await HttpExchange.WriteErrorAsync(context.Response, StatusCodes.Status403Forbidden, ErrorTypes.Forbidden,
            $"Missing or unknown {ApiHeaders.ExtensionIdentifier}").ConfigureAwait(false);
        return null;
    }

    private static List<string>? ParseEvents(byte[]? body)
    {
        if (body is null) return null;
        if (body.Length == 0) return [];
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
            if (!document.RootElement.TryGetProperty("events", out var events)) return [];
            if (events.ValueKind != JsonValueKind.Array) return null;
            var names = events.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : "").ToList();
            return names.All(ExtensionSession.IsKnownEventType) ? names : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
