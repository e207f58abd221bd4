namespace FisExtension.Configuration;

/// <summary>The function's log format, which the extension's own lines follow.</summary>
internal enum LogFormat
{
    Text,
    Json,
}
