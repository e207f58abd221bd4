using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FisExtension.Faults;

/// <summary>
/// The body and error type the proxy posts to the Runtime API's <c>/error</c> for an
/// <see cref="FaultKind.InvocationError"/> fault (fis-lambda-actions.md §5). Its shape is Lambda's own error
/// document, so callers see an ordinary function error (<c>X-Amz-Function-Error: Unhandled</c>).
/// </summary>
internal static class InjectedError
{
    /// <summary>The <c>errorType</c> of the body and the value of <c>Lambda-Runtime-Function-Error-Type</c>.</summary>
    public const string ErrorType = "FisInjectedError";

    private const string ErrorMessageField = "errorMessage";
    private const string ErrorTypeField = "errorType";
    private const string StackTraceField = "stackTrace";

    // Experiment ids and action names land in users' logs and dashboards: keep '+' and quotes readable there.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>For example <c>Fault injected by AWS FIS experiment EXP7f3kQ2, action inject-error (aws:lambda:invocation-error)</c>.</summary>
    public static string Message(FaultDefinition fault) =>
        $"Fault injected by AWS FIS experiment {fault.ExperimentId}, action {fault.ActionName} ({fault.ActionId})";

    /// <summary><c>{"errorMessage":"…","errorType":"FisInjectedError","stackTrace":[]}</c> as UTF-8.</summary>
    public static byte[] Body(FaultDefinition fault)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString(ErrorMessageField, Message(fault));
            json.WriteString(ErrorTypeField, ErrorType);
            json.WriteStartArray(StackTraceField);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
