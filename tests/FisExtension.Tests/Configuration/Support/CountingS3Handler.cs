namespace FisExtension.Tests.Configuration.Support;

/// <summary>The S3 client's handler, counting the requests that really go out on the socket: listings and gets.</summary>
internal sealed class CountingS3Handler() : DelegatingHandler(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
{
    private int _lists;
    private int _gets;

    public int Lists => Volatile.Read(ref _lists);

    public int Gets => Volatile.Read(ref _gets);

    public int Total => Lists + Gets;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.Query.Contains("list-type=2", StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref _lists);
        }
        else
        {
            Interlocked.Increment(ref _gets);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
