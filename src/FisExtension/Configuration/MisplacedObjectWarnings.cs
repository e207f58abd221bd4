using FisExtension.Telemetry;
using Microsoft.Extensions.Logging;
using static FisExtension.Contract.Objects.FaultObjectSchema;

namespace FisExtension.Configuration;

/// <summary>
/// Says, once each, where objects lie that the extension will not read: a name ending in <c>.JSON</c>, a
/// sub-folder of the function's prefix, an object one level too high, or the prefix of a function whose name
/// differs only in case or by a qualifier. A silent empty prefix is the hardest mistake to see from outside.
/// </summary>
internal sealed class MisplacedObjectWarnings(IFaultConfigurationStore store, ILogger logger)
{
    /// <summary>
    /// The root is listed only while the function's prefix is empty, then at most every tenth such poll: about
    /// six extra list requests an hour at the slow interval, for a warning within minutes of an experiment
    /// writing to the wrong place.
    /// </summary>
    private const int EmptyPollsPerRootCheck = 10;

    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private int _emptyPolls;
    private bool _rootDenied;

    public void OnFunctionListing(StoreListing listing)
    {
        foreach (var listed in listing.Objects.Where(o => IsWrongCase(o.Key)))
        {
            Warn(listed.Key, () => Log.FaultConfigurationWrongCase(logger, listed.Key, FileExtension));
        }

        foreach (var folder in listing.Folders)
        {
            Warn(folder, () => Log.FaultConfigurationFolderNotRead(logger, folder, store.FunctionLocation));
        }
    }

    /// <summary>Called when the function's prefix has nothing to read. A root that cannot be listed is not tried again.</summary>
    public async Task OnEmptyFunctionPrefixAsync(CancellationToken cancellationToken)
    {
        if (_rootDenied || _emptyPolls++ % EmptyPollsPerRootCheck != 0)
        {
            return;
        }

        var root = await StoreCall.BoundedAsync(store.ListRootAsync, cancellationToken).ConfigureAwait(false);
        if (root.Value is not { } listing)
        {
            // Least-privilege roles may list only the function's own prefix, as the README advises; that is fine.
            _rootDenied = true;
            return;
        }

        foreach (var listed in listing.Objects.Where(o => o.Key.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase)))
        {
            Warn(listed.Key, () => Log.FaultConfigurationTooHigh(logger, listed.Key, store.FunctionLocation));
        }

        foreach (var folder in listing.Folders.Where(IsLookAlike))
        {
            Warn(folder, () => Log.FunctionPrefixEmptyBesideLookAlike(logger, store.FunctionLocation, folder, EnvironmentVariables.FunctionName, EnvironmentVariables.ConfigurationLocation));
        }
    }

    /// <summary>The function's prefix had something to read: the next empty streak checks the root at once.</summary>
    public void OnFunctionPrefixInUse() => _emptyPolls = 0;

    private static bool IsWrongCase(string key) =>
        key.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase) && !key.EndsWith(FileExtension, StringComparison.Ordinal);

    /// <summary>
    /// <c>My-Function/</c>, <c>my-function:prod/</c> or a function ARN beside <c>my-function/</c>. Other functions'
    /// prefixes (<c>my-function-v2/</c> too: a name can hold only letters, digits, '-' and '_') are normal.
    /// </summary>
    private bool IsLookAlike(string folder)
    {
        var own = LastSegment(store.FunctionLocation);
        var other = LastSegment(folder);
        return !string.Equals(other, own, StringComparison.Ordinal) &&
               (string.Equals(other, own, StringComparison.OrdinalIgnoreCase) ||
                $":{other}:".Contains($":{own}:", StringComparison.OrdinalIgnoreCase));
    }

    private static string LastSegment(string location)
    {
        var trimmed = location.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    private void Warn(string location, Action log)
    {
        if (_warned.Add(location))
        {
            log();
        }
    }
}
