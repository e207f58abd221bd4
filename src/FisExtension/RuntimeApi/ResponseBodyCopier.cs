namespace FisExtension.RuntimeApi;

/// <summary>
/// Copies an upstream response's body into Kestrel's output: each socket read lands straight in the block Kestrel
/// then sends from (<c>PipeWriter.GetMemory</c>), where YARP's own copy reads into a buffer of its own and writes that
/// into the block, one more pass over every byte of an event.
/// </summary>
internal static class ResponseBodyCopier
{
    /// <summary>Copies to the end of the body; a failure after the headers went out resets the runtime's connection,
    /// the only way left to tell it the event is incomplete.</summary>
    public static async Task CopyAsync(HttpResponseMessage from, HttpContext to, CancellationToken cancellationToken)
    {
        try
        {
            var source = await from.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var writer = to.Response.BodyWriter;
            while (true)
            {
                var block = writer.GetMemory(LargeBlockMemoryPool.BlockSize);
                var read = await source.ReadAsync(block, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                writer.Advance(read);
                var flushed = await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            to.Abort();
        }
    }
}
