namespace FisExtension.Contract.Objects;

/// <summary>Finds the known name a misspelt one most likely meant, for "did you mean …?" hints.</summary>
public static class ClosestName
{
    /// <summary>
    /// The known name with the smallest edit distance (letter case ignored), or null when even that one differs in
    /// more than half of the name's letters: beyond that a suggestion is a guess, not a hint.
    /// </summary>
    public static string? Find(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(name, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, best.Length / 2) ? best : null;
    }

    // Levenshtein distance over two rows; names longer than any known one by far are cut, so that a huge key in a
    // hostile object costs no more than a short one.
    private static int Distance(string a, string b)
    {
        const int MaxCompared = 64;
        a = a.Length > MaxCompared ? a[..MaxCompared] : a;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
