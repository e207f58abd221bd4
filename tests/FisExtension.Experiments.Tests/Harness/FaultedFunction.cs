using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FisExtension.Experiments.Tests.Harness;

/// <summary>
/// Behaves as a function with the extension would, without the extension: each request looks in the configuration
/// folder fisctl writes to, and while a fault object for the function is there it answers slowly and with an error.
/// So what the report measures is what fisctl's objects caused, on real sockets.
/// </summary>
public sealed class FaultedFunction(string configurationRoot, string function)
{
    public static readonly TimeSpan FaultDelay = TimeSpan.FromMilliseconds(300);

    /// <summary>The object (JSON) of the active fault, if any.</summary>
    public JsonObject? ActiveFault()
    {
        var folder = Path.Combine(configurationRoot, function);
        // Only *.json, as the extension reads: the runner writes a .partial file and renames it.
        foreach (var path in Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.json") : [])
        {
            try
            {
                return JsonNode.Parse(File.ReadAllText(path))?.AsObject();
            }
            catch (IOException)
            {
                // Deleted between listing and reading: the fault just ended.
            }
        }

        return null;
    }

    /// <summary>As an API Gateway stage in front of the function: 503 after the delay while faulted, else 200 at once.</summary>
    public async Task AnswerHttpAsync(HttpContext context)
    {
        if (ActiveFault() is not null)
        {
            await Task.Delay(FaultDelay);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }

        await context.Response.WriteAsync("{}");
    }

    /// <summary>As Lambda's Invoke with a log tail: while faulted, a function error and the extension's injection line
    /// naming the object's experiment and action; else a clean invocation.</summary>
    public async Task AnswerInvokeAsync(HttpContext context)
    {
        var fault = ActiveFault();
        var log = "START RequestId: 1 Version: $LATEST\n";
        if (fault is not null)
        {
            context.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
            log += $"AWS FIS EXTENSION - injecting an invocation error without running the function (experiment {fault["experimentId"]}, action {fault["actionName"]})\n";
        }

        context.Response.Headers["X-Amz-Log-Result"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(log + "END RequestId: 1\n"));
        await context.Response.WriteAsync("{}");
    }
}
