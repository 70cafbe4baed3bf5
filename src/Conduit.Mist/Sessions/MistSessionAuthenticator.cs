using Conduit.Mist.Credentials;
using System.Net;
using System.Text;
using System.Text.Json;
using Conduit.Http;

namespace Conduit.Mist.Sessions;

/// <summary>
/// The start of a session: validates each API token with <c>GET /api/v1/self</c>, or logs in with email and password
/// (then the two-factor code), or checks basic credentials. Sends through a client that never retries.
/// </summary>
internal sealed class MistSessionAuthenticator(ConduitClient client, MistSessionState state, MistSessionOptions options)
{
    public const string SelfPath = "/api/v1/self";

    public async ValueTask<MistSelf?> AuthenticateAsync(bool async, CancellationToken cancellationToken)
    {
        var self = state.Mode switch
        {
            MistAuthenticationMode.ApiToken => await ValidateTokensAsync(async, cancellationToken).ConfigureAwait(false),
            MistAuthenticationMode.Login => await LoginAsync(async, cancellationToken).ConfigureAwait(false),
            _ => await CheckBasicAsync(async, cancellationToken).ConfigureAwait(false),
        };
        MistSessionLog.Authenticated(state.Logger, state.Cloud.Host, self?.Email, state.Mode, state.Pool?.ValidCount ?? 0);
        return self;
    }

    public static async ValueTask<ApiResponse> SendAsync(ConduitClient client, ApiRequest request, bool async, CancellationToken cancellationToken) =>
        async ? await client.SendAsync(request, cancellationToken).ConfigureAwait(false) : client.Send(request, cancellationToken);

    public static MistSelf ReadSelf(ApiResponse response)
    {
        using var document = response.ReadJsonDocument();
        return MistSelf.Parse(document.RootElement);
    }

    private async ValueTask<MistSelf?> ValidateTokensAsync(bool async, CancellationToken cancellationToken)
    {
        var pool = state.Pool!;
        if (!options.ValidateTokens)
        {
            return null;
        }

        MistSelf? self = null;
        for (var position = 1; position <= pool.Count; position++)
        {
            var request = new ApiRequest(HttpMethod.Get, SelfPath) { ThrowOnErrorStatus = false }
                .WithHeader(MistSessionHandler.PinHeader, position.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var response = await SendAsync(client, request, async, cancellationToken).ConfigureAwait(false);
            switch (response.StatusCode)
            {
                case var _ when response.IsSuccess:
                    self ??= ReadSelf(response);
                    break;
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    pool.MarkInvalid(position);
                    MistSessionLog.TokenDropped(state.Logger, position, pool.Count, state.Cloud.Host, (int)response.StatusCode);
                    break;
                case HttpStatusCode.TooManyRequests:
                    // Valid but spent for now.
                    pool.MarkRateLimited(position, Conduit.Http.Resilience.RetryAfterParser.Parse(response, state.Time) ?? state.Cooldown);
                    break;
                default:
                    throw ApiException.FromResponse(response, response.RequestUri);
            }
        }

        if (pool.ValidCount == 0)
        {
            throw new MistAuthenticationException(
                pool.Count == 1
                    ? $"The API token was not accepted by {state.Cloud.Host} (GET {SelfPath} answered 401). Check the token and the cloud."
                    : $"None of the {pool.Count} API tokens was accepted by {state.Cloud.Host} (GET {SelfPath} answered 401 to each). Check the tokens and the cloud.");
        }

        return self;
    }

    private async ValueTask<MistSelf?> CheckBasicAsync(bool async, CancellationToken cancellationToken)
    {
        var response = await SendAsync(client, new ApiRequest(HttpMethod.Get, SelfPath) { ThrowOnErrorStatus = false }, async, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new MistAuthenticationException(
                $"Basic authentication as {options.Email} was refused by {state.Cloud.Host} ({(int)response.StatusCode}): check the email and password; accounts with two-factor must log in instead.",
                response);
        }

        return ReadSelf(response.EnsureSuccess());
    }

    private async ValueTask<MistSelf?> LoginAsync(bool async, CancellationToken cancellationToken)
    {
        var email = options.Email!;
        var login = new ApiRequest(HttpMethod.Post, "/api/v1/login")
        {
            ThrowOnErrorStatus = false,
            Body = JsonBody.FromText(Json(("email", email), ("password", options.Password!))),
        };
        var response = await SendAsync(client, login, async, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new MistAuthenticationException(
                $"Login to {state.Cloud.Host} as {email} failed ({(int)response.StatusCode}): {ApiErrorText(response) ?? "the email or password was refused"}.", response);
        }

        response.EnsureSuccess();
        if (NeedsTwoFactor(response))
        {
            MistSessionLog.TwoFactorRequired(state.Logger, email);
            var code = options.TwoFactorCode?.Trim() ?? await AskAsync(email, async, cancellationToken).ConfigureAwait(false);
            var second = new ApiRequest(HttpMethod.Post, "/api/v1/login/two_factor")
            {
                ThrowOnErrorStatus = false,
                Body = JsonBody.FromText(Json(("two_factor", code.Trim()))),
            };
            var answer = await SendAsync(client, second, async, cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccess)
            {
                throw new MistAuthenticationException(
                    $"The two-factor code for {email} was refused by {state.Cloud.Host} ({(int)answer.StatusCode}): {ApiErrorText(answer) ?? "wrong or expired code"}.", answer);
            }
        }

        state.MarkLoggedIn();
        var self = await SendAsync(client, new ApiRequest(HttpMethod.Get, SelfPath), async, cancellationToken).ConfigureAwait(false);
        return ReadSelf(self);
    }

    private async ValueTask<string> AskAsync(string email, bool async, CancellationToken cancellationToken)
    {
        if (options.Prompt is not { } prompt)
        {
            throw new MistAuthenticationException(
                $"The account {email} needs a two-factor code: set {nameof(MistSessionOptions.TwoFactorCode)} or a {nameof(MistSessionOptions.Prompt)}.");
        }

        var label = "Two-factor code for " + email;
        var code = async
            ? await prompt.PromptAsync(label, secret: false, cancellationToken).ConfigureAwait(false)
            : prompt.Prompt(label, secret: false, cancellationToken);
        return string.IsNullOrWhiteSpace(code)
            ? throw new MistAuthenticationException($"No two-factor code was given for {email}.")
            : code;
    }

    private static bool NeedsTwoFactor(ApiResponse response)
    {
        if (response.Content.IsEmpty)
        {
            return false;
        }

        using var document = response.ReadJsonDocument();
        var root = document.RootElement;
        return LenientJson.Boolean(root, "two_factor_required") == true && LenientJson.Boolean(root, "two_factor_passed") != true;
    }

    private static string? ApiErrorText(ApiResponse response) => response.Content.IsEmpty ? null : new ApiException(string.Empty, null, null, response).Details;

    private static string Json(params ReadOnlySpan<(string Name, string Value)> fields)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
