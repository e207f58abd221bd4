using Microsoft.AspNetCore.WebUtilities;

namespace FisExtension.Faults;

/// <summary>The reason phrase a synthetic response names its status code with.</summary>
internal static class HttpReasonPhrase
{
    /// <summary>
    /// The phrase ASP.NET Core's own responses use: the IANA registry plus a few in common use such as 499
    /// (<c>503</c> → <c>Service Unavailable</c>). A code without one gets the name of
    /// its class from RFC 9110 §15 (<c>599</c> → <c>Server Error</c>), and a code outside 100–599, which HTTP does
    /// not define, gets <c>Unknown Status</c>: FIS lets a template choose any code from 000 to 999.
    /// </summary>
    public static string For(int statusCode)
    {
        var registered = ReasonPhrases.GetReasonPhrase(statusCode);
        if (registered.Length > 0)
        {
            return registered;
        }

        return (statusCode / 100) switch
        {
            1 => "Informational",
            2 => "Successful",
            3 => "Redirection",
            4 => "Client Error",
            5 => "Server Error",
            _ => "Unknown Status",
        };
    }
}
