using System.Net;

namespace Conduit.Http;

/// <summary>A typed value together with the raw response it was read from.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class ApiResponse<T>
{
    /// <summary>Creates the pair.</summary>
    public ApiResponse(T value, ApiResponse rawResponse)
    {
        ArgumentNullException.ThrowIfNull(rawResponse);
        Value = value;
        RawResponse = rawResponse;
    }

    /// <summary>The deserialised value.</summary>
    public T Value { get; }

    /// <summary>The raw response: status, headers, body, elapsed time.</summary>
    public ApiResponse RawResponse { get; }

    /// <summary>The status code of the raw response.</summary>
    public HttpStatusCode StatusCode => RawResponse.StatusCode;
}
