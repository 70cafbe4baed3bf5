using System.Diagnostics.Metrics;
using System.Text.Json.Serialization.Metadata;
using Conduit.Http;
using Microsoft.Extensions.Logging;

namespace Conduit.Mist.Sessions;

/// <summary>
/// The <see cref="ConduitClient"/> of a session: the same pipeline, plus a clear <see cref="MistSessionExpiredException"/>
/// when a logged-in session is answered 401, and the session's page concurrency for the pageables.
/// </summary>
internal sealed class MistSessionClient(
    HttpClient httpClient,
    ConduitClientOptions options,
    MistSessionState state,
    ILoggerFactory? loggerFactory,
    IMeterFactory? meterFactory)
    : ConduitClient(httpClient, options, loggerFactory, meterFactory, disposeHttpClient: true)
{
    public MistSessionState State { get; } = state;

    public override async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedException ex) when (IsExpiry(ex))
        {
            throw new MistSessionExpiredException(ex);
        }
    }

    public override ApiResponse Send(ApiRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return base.Send(request, cancellationToken);
        }
        catch (UnauthorizedException ex) when (IsExpiry(ex))
        {
            throw new MistSessionExpiredException(ex);
        }
    }

    public override async Task<ApiResponse<T>> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SendAsync(request, typeInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedException ex) when (IsExpiry(ex))
        {
            throw new MistSessionExpiredException(ex);
        }
    }

    public override ApiResponse<T> Send<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        try
        {
            return base.Send(request, typeInfo, cancellationToken);
        }
        catch (UnauthorizedException ex) when (IsExpiry(ex))
        {
            throw new MistSessionExpiredException(ex);
        }
    }

    private bool IsExpiry(UnauthorizedException ex) => ex is not MistSessionExpiredException && State.Mode == MistAuthenticationMode.Login && State.Expired;
}
