namespace FisExtension.Experiments.Load;

/// <summary>Where load goes: HTTP URLs in turn, or Lambda's Invoke API.</summary>
public interface ILoadTarget
{
    /// <summary>The name the request goes to, before it is sent (recorded when it gets no answer).</summary>
    string NameOf(int sequence);

    Task<LoadResponse> SendAsync(int sequence, CancellationToken cancellationToken);
}
