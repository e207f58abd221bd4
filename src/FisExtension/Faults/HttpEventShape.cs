namespace FisExtension.Faults;

/// <summary>What the synthetic HTTP response must match in the event that triggered the invocation.</summary>
/// <param name="FromApplicationLoadBalancer">The event carries <c>requestContext.elb</c>: the response needs <c>statusDescription</c>.</param>
/// <param name="MultiValueHeaders">
/// The event carries <c>multiValueHeaders</c> and no <c>headers</c>: the target group has multi-value headers on,
/// and an Application Load Balancer then reads only <c>multiValueHeaders</c> from the response.
/// </param>
internal readonly record struct HttpEventShape(bool FromApplicationLoadBalancer, bool MultiValueHeaders)
{
    public static HttpEventShape Unknown => default;
}
