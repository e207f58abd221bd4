namespace FisExtension.Emulator.Stack;

/// <summary>Route selection as HTTP APIs do it ("Working with routes for HTTP APIs", API Gateway developer guide): the
/// most specific match wins — more literal segments first, then a route without a greedy parameter, then a method
/// over ANY — and <c>$default</c> catches the requests no route matches.</summary>
internal sealed class RouteTable(IReadOnlyList<HttpRoute> routes)
{
    public RouteMatch? Select(string method, string path)
    {
        var segments = path.Trim('/').Length == 0 ? [] : path.Trim('/').Split('/');
        RouteMatch? best = null;
        var bestScore = (-1, false, false);
        foreach (var route in routes.Where(r => !r.IsDefault && (r.Method == HttpRoute.AnyMethod || r.Method == method)))
        {
            if (Match(route, segments) is not { } parameters) continue;
            var template = route.PathTemplate.Trim('/');
            var literals = template.Length == 0 ? 0 : template.Split('/').Count(s => !s.StartsWith('{'));
            var score = (literals, !template.Contains("+}", StringComparison.Ordinal), route.Method != HttpRoute.AnyMethod);
            if (score.CompareTo(bestScore) > 0)
            {
                best = new RouteMatch(route, parameters);
                bestScore = score;
            }
        }
        return best ?? (routes.FirstOrDefault(r => r.IsDefault) is { } fallback ? new RouteMatch(fallback, new Dictionary<string, string>()) : null);
    }

    private static Dictionary<string, string>? Match(HttpRoute route, string[] segments)
    {
        var template = route.PathTemplate.Trim('/');
        var parts = template.Length == 0 ? [] : template.Split('/');
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.EndsWith("+}", StringComparison.Ordinal))
            {
                if (i >= segments.Length) return null;
                parameters[part[1..^2]] = string.Join('/', segments[i..].Select(Uri.UnescapeDataString));
                return parameters;
            }
            if (i >= segments.Length) return null;
            if (part.StartsWith('{')) parameters[part[1..^1]] = Uri.UnescapeDataString(segments[i]);
            else if (part != Uri.UnescapeDataString(segments[i])) return null;
        }
        return parts.Length == segments.Length ? parameters : null;
    }
}
