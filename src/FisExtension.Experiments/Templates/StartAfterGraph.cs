namespace FisExtension.Experiments.Templates;

/// <summary>Finds cycles among <c>startAfter</c> references (an action that, through others, waits for itself).</summary>
public static class StartAfterGraph
{
    /// <summary>Each cycle once, as the list of its actions starting from the ordinally smallest name. Self-references and
    /// unknown names are left to the caller.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> FindCycles(IReadOnlyDictionary<string, IReadOnlyList<string>> startAfter)
    {
        var cycles = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var stack = new List<string>();

        void Visit(string name)
        {
            if (done.Contains(name))
            {
                return;
            }

            var onStack = stack.IndexOf(name);
            if (onStack >= 0)
            {
                var cycle = stack.Skip(onStack).ToList();
                var smallest = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
                var rotated = cycle.Skip(smallest).Concat(cycle.Take(smallest)).ToList();
                if (rotated.Count > 1 && seen.Add(string.Join('\n', rotated)))
                {
                    cycles.Add(rotated);
                }

                return;
            }

            stack.Add(name);
            foreach (var next in startAfter.TryGetValue(name, out var names) ? names : [])
            {
                if (startAfter.ContainsKey(next))
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            done.Add(name);
        }

        foreach (var name in startAfter.Keys.Order(StringComparer.Ordinal))
        {
            Visit(name);
        }

        return cycles;
    }
}
