using System.IO.Pipelines;
using System.Net;

namespace FisExtension.RuntimeApi;

/// <summary>
/// A runtime's request body sent on from the blocks Kestrel received it into: each block is written to the upstream
/// connection as it is, where YARP's own content first copies every byte into a buffer of its own. Only for a body of
/// known length; the connection's framing checks that exactly that many bytes went out.
/// </summary>
internal sealed class RequestBodyPipeContent(PipeReader body, long bodyLength) : HttpContent
{
    protected override bool TryComputeLength(out long length)
    {
        length = bodyLength;
        return true;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var block in read.Buffer)
                {
                    await stream.WriteAsync(block, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                // Also when the upstream failed mid-body: a read left open makes Kestrel's drain of the rest of the
                // body fail ("Reading is already in progress") and close the runtime's connection.
                body.AdvanceTo(read.Buffer.End);
            }

            if (read.IsCompleted)
            {
                return;
            }

            if (read.IsCanceled)
            {
                throw new OperationCanceledException("reading the runtime's request body was cancelled");
            }
        }
    }
}
