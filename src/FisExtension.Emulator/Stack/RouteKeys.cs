using System.Text.RegularExpressions;

namespace FisExtension.Emulator.Stack;

/// <summary>The route keys of an HTTP API ("Working with routes for HTTP APIs", API Gateway developer guide):
/// <c>$default</c>, or a method and a path whose segments may be <c>{name}</c> and, last, a greedy <c>{name+}</c>.</summary>
internal static partial class RouteKeys
{
    public static readonly IReadOnlyList<string> Methods = ["ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public static string? Problem(string key)
    {
        if (key == HttpRoute.DefaultRouteKey) return null;
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        const string Example = "Write \"GET /orders/{id}\", \"ANY /files/{proxy+}\" or \"$default\".";
        if (space <= 0) return $"\"{key}\" is not a route key. {Example}";
        var method = key[..space];
        var path = key[(space + 1)..];
        if (!Methods.Contains(method)) return $"\"{method}\" is not a method. Use one of {string.Join(", ", Methods)} (upper case).";
        if (!path.StartsWith('/')) return $"the path \"{path}\" must start with /. {Example}";
        var segments = path == "/" ? [] : path[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0) return $"the path \"{path}\" has an empty segment. {Example}";
            if (!segment.StartsWith('{')) continue;
            if (!ParameterPattern().IsMatch(segment)) return $"\"{segment}\" is not a path parameter. Write {{name}} or, last, {{name+}}.";
            if (segment.EndsWith("+}", StringComparison.Ordinal) && i != segments.Length - 1)
                return $"the greedy parameter \"{segment}\" must be the last segment of the path.";
        }
        return null;
    }

    [GeneratedRegex(@"^\{[A-Za-z0-9._:-]+\+?\}$")]
    private static partial Regex ParameterPattern();
}
