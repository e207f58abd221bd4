using System.Collections.Immutable;
using FisExtension.Faults;
using FisExtension.Telemetry;
using Microsoft.Extensions.Logging;
using static FisExtension.Contract.Objects.FaultObjectSchema;

namespace FisExtension.Configuration;

/// <summary>
/// One poll of the store: a single list request, a read only for objects whose ETag is new or changed, and objects
/// that disappeared dropped. Each object version (key + ETag) is parsed, and its problems logged, exactly once.
/// Not thread-safe: the poller runs one poll at a time.
/// </summary>
internal sealed class FaultConfigurationReader(IFaultConfigurationStore store, ILogger logger)
{
    private readonly Dictionary<string, CachedObject> _cache = new(StringComparer.Ordinal);
    private readonly MisplacedObjectWarnings _misplaced = new(store, logger);
    private string? _reportedOverflow;

    /// <summary>The valid definitions under the function's prefix, ended ones included: time is the caller's business.</summary>
    public async Task<StoreResult<ImmutableArray<FaultDefinition>>> ReadAsync(CancellationToken cancellationToken)
    {
        var listing = await StoreCall.BoundedAsync(store.ListAsync, cancellationToken).ConfigureAwait(false);
        if (listing.Failure is { } listFailure)
        {
            return listFailure;
        }

        _misplaced.OnFunctionListing(listing.Value!);
        var objects = listing.Value!.Objects
            .Where(o => o.Key.EndsWith(FileExtension, StringComparison.Ordinal))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .ToList();
        if (objects.Count == 0)
        {
            await _misplaced.OnEmptyFunctionPrefixAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _misplaced.OnFunctionPrefixInUse();
        }

        ReportOverflow(objects);

        var kept = objects.Take(MaxObjects).ToList();
        var definitions = ImmutableArray.CreateBuilder<FaultDefinition>();
        foreach (var listed in kept)
        {
            if (!_cache.TryGetValue(listed.Key, out var cached) || cached.ETag != listed.ETag)
            {
                var read = await ReadObjectAsync(listed, cancellationToken).ConfigureAwait(false);
                if (read.Failure is { } readFailure)
                {
                    return readFailure;
                }

                if (read.Value is not { } fresh)
                {
                    _cache.Remove(listed.Key);
                    continue;
                }

                _cache[listed.Key] = cached = fresh;
            }

            if (cached.Definition is { } definition)
            {
                definitions.Add(definition);
            }
        }

        var keptKeys = kept.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _cache.Keys.Where(key => !keptKeys.Contains(key)).ToList())
        {
            _cache.Remove(gone);
        }

        return StoreResult<ImmutableArray<FaultDefinition>>.Success(definitions.ToImmutable());
    }

    private async Task<StoreResult<CachedObject?>> ReadObjectAsync(StoredObject listed, CancellationToken cancellationToken)
    {
        if (listed.NotReadBecause is { } reason)
        {
            Log.FaultConfigurationNotRead(logger, listed.Key, reason);
            return StoreResult<CachedObject?>.Success(new CachedObject(listed.ETag, null));
        }

        if (listed.Size > MaxObjectBytes)
        {
            Log.FaultConfigurationTooLarge(logger, listed.Key, listed.Size, MaxObjectBytes);
            return StoreResult<CachedObject?>.Success(new CachedObject(listed.ETag, null));
        }

        var content = await StoreCall.BoundedAsync(token => store.GetAsync(listed.Key, MaxObjectBytes, token), cancellationToken).ConfigureAwait(false);
        if (content.Failure is { } failure)
        {
            return failure;
        }

        if (content.Value is not { } bytes)
        {
            return StoreResult<CachedObject?>.Success(null);
        }

        if (bytes.Length > MaxObjectBytes)
        {
            Log.FaultConfigurationTooLarge(logger, listed.Key, bytes.Length, MaxObjectBytes);
            return StoreResult<CachedObject?>.Success(new CachedObject(listed.ETag, null));
        }

        return StoreResult<CachedObject?>.Success(new CachedObject(listed.ETag, ParseAndReport(listed.Key, bytes)));
    }

    private FaultDefinition? ParseAndReport(string key, byte[] bytes)
    {
        var result = FaultObjectParser.Parse(key, bytes);
        if (result.UnknownActionId is { } actionId)
        {
            Log.UnknownActionId(logger, key, actionId, KnownActionIds);
        }
        else if (result.Problems.Count > 0)
        {
            Log.FaultConfigurationInvalid(logger, key, string.Join(' ', result.Problems));
        }

        return result.Definition;
    }

    private void ReportOverflow(List<StoredObject> objects)
    {
        var skipped = objects.Count > MaxObjects ? string.Join(", ", objects.Skip(MaxObjects).Select(o => o.Key)) : null;
        if (skipped is not null && skipped != _reportedOverflow)
        {
            Log.TooManyFaultConfigurations(logger, objects.Count, store.FunctionLocation, MaxObjects, skipped);
        }

        _reportedOverflow = skipped;
    }

    private sealed record CachedObject(string ETag, FaultDefinition? Definition);
}
