using System.Text.Json.Serialization.Metadata;
using Conduit.Http;

namespace Conduit.Cli.Commands.Mist.Call;

/// <summary>
/// A <see cref="ConduitClient"/> that records the request a generated method builds instead of sending it, so the CLI
/// lets the generated code itself put every value where the document wants it (path, query, header, form, body).
/// </summary>
internal sealed class RequestCapturingClient : ConduitClient
{
    public RequestCapturingClient()
        : base(new ConduitClientOptions { Name = "conduit-cli-capture", BaseAddress = new Uri("http://capture.invalid/") })
    {
    }

    /// <summary>The request of the last call.</summary>
    public ApiRequest? Captured { get; private set; }

    /// <summary>Forgets the last request.</summary>
    public void Reset() => Captured = null;

    /// <inheritdoc />
    public override Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default) =>
        Task.FromException<ApiResponse>(Capture(request));

    /// <inheritdoc />
    public override ApiResponse Send(ApiRequest request, CancellationToken cancellationToken = default) => throw Capture(request);

    /// <inheritdoc />
    public override Task<ApiResponse<T>> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) =>
        Task.FromException<ApiResponse<T>>(Capture(request));

    /// <inheritdoc />
    public override ApiResponse<T> Send<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) => throw Capture(request);

    private RequestCapturedException Capture(ApiRequest request)
    {
        Captured = request;
        return new RequestCapturedException();
    }
}
