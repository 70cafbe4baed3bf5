using System.Diagnostics.Metrics;
using System.Text.Json.Serialization.Metadata;
using Conduit.Http.Pipeline;
using Conduit.Http.Redaction;
using Conduit.Http.Telemetry;
using Conduit.Http.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Conduit.Http;

/// <summary>
/// A resilient HTTP client for one API: base URL, authentication, retries, rate limits, timeouts, typed errors,
/// telemetry and redaction. Every call has an asynchronous form and a true synchronous form (built on
/// <see cref="HttpMessageInvoker.Send(HttpRequestMessage, CancellationToken)"/>). Thread-safe; create one per API and
/// reuse it.
/// </summary>
/// <example>
/// <code>
/// using var client = new ConduitClient(new ConduitClientOptions
/// {
///     BaseAddress = new Uri("https://api.example.com/v1/"),
///     Authentication = HeaderAuthentication.Bearer(token),
/// });
/// var user = await client.GetAsync("users/me", AppJson.Default.User);
/// </code>
/// </example>
public class ConduitClient : IDisposable
{
    private readonly HttpCallPipeline _pipeline = null!;

    /// <summary>For mocking: creates a client with no pipeline; every member must be overridden.</summary>
    protected ConduitClient()
    {
        Options = new ConduitClientOptions();
    }

    /// <summary>Creates a client that owns its own connection pool (built from the options' proxy and TLS settings).</summary>
    /// <param name="options">The options; copied and validated.</param>
    /// <param name="loggerFactory">Where logs go; none when null.</param>
    /// <param name="meterFactory">Where metrics go; the shared <c>Conduit.Http</c> meter when null.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public ConduitClient(ConduitClientOptions options, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConduitClientOptionsValidation.ThrowIfInvalid(options);
        Options = options.Clone();
        // Requests go straight into the handler, with no HttpClient in front (see MessageTransport).
        _pipeline = CreatePipeline(MessageTransport.ForOwnedHandler(HttpHandlerFactory.Create(options), Options), loggerFactory, meterFactory);
    }

    /// <summary>Creates a client over an existing <see cref="HttpClient"/> (for example one from <c>IHttpClientFactory</c>).</summary>
    /// <param name="httpClient">The transport. Its timeout is set to infinite: the pipeline owns timeouts.</param>
    /// <param name="options">The options; copied and validated.</param>
    /// <param name="loggerFactory">Where logs go; none when null.</param>
    /// <param name="meterFactory">Where metrics go; the shared <c>Conduit.Http</c> meter when null.</param>
    /// <param name="disposeHttpClient">Whether disposing this client disposes <paramref name="httpClient"/>.</param>
    public ConduitClient(HttpClient httpClient, ConduitClientOptions options, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null, bool disposeHttpClient = false)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ConduitClientOptionsValidation.ThrowIfInvalid(options);
        Options = options.Clone();
        _pipeline = CreatePipeline(MessageTransport.ForHttpClient(httpClient, Options, disposeHttpClient), loggerFactory, meterFactory);
    }

    /// <summary>The client's name, from its options.</summary>
    public virtual string Name => Options.Name;

    /// <summary>A copy of the options the client was built with (changing it changes nothing).</summary>
    protected ConduitClientOptions Options { get; }

    /// <summary>The redactor this client masks secrets with; register extra secrets with <see cref="SecretRedactor.AddSecret"/>.</summary>
    public virtual SecretRedactor Redactor => _pipeline.Redactor;

    /// <summary>The client-side rate limiter (its own token bucket or the one given in the options), or <see langword="null"/>.</summary>
    public virtual System.Threading.RateLimiting.RateLimiter? RateLimiter => _pipeline.RateLimiter;

    /// <summary>The last <c>X-RateLimit-Remaining</c> the server reported, or -1 when it never did.</summary>
    public virtual long ServerRateLimitRemaining => _pipeline.ServerGate.LastRemaining;

    /// <summary>Sends a request through the pipeline.</summary>
    /// <exception cref="ApiException">The call failed: an error status (unless <see cref="ApiRequest.ThrowOnErrorStatus"/> is off), a timeout, a connection failure or a rate limit.</exception>
    public virtual Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default) =>
        _pipeline.ExecuteAsync(request, async: true, cancellationToken);

    /// <summary>Sends a request through the pipeline, blocking the calling thread (no sync-over-async).</summary>
    /// <exception cref="ApiException">The call failed; see <see cref="SendAsync(ApiRequest, CancellationToken)"/>.</exception>
    public virtual ApiResponse Send(ApiRequest request, CancellationToken cancellationToken = default) =>
        _pipeline.ExecuteAsync(request, async: false, cancellationToken).EnsureCompleted();

    /// <summary>Sends a request and deserialises a successful response with source-generated metadata.</summary>
    /// <exception cref="ApiException">The call failed, or the body does not match <typeparamref name="T"/> (the raw body stays on the exception).</exception>
    public virtual async Task<ApiResponse<T>> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var response = await _pipeline.ExecuteAsync(request, async: true, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<T>(response.ReadAs(typeInfo), response);
    }

    /// <summary>Synchronous form of <see cref="SendAsync{T}(ApiRequest, JsonTypeInfo{T}, CancellationToken)"/>.</summary>
    public virtual ApiResponse<T> Send<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var response = _pipeline.ExecuteAsync(request, async: false, cancellationToken).EnsureCompleted();
        return new ApiResponse<T>(response.ReadAs(typeInfo), response);
    }

    /// <summary>GET a path.</summary>
    public Task<ApiResponse> GetAsync(string path, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Get, path), cancellationToken);

    /// <summary>GET a path synchronously.</summary>
    public ApiResponse Get(string path, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Get, path), cancellationToken);

    /// <summary>GET a path and deserialise the body.</summary>
    public Task<ApiResponse<T>> GetAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Get, path), typeInfo, cancellationToken);

    /// <summary>GET a path synchronously and deserialise the body.</summary>
    public ApiResponse<T> Get<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Get, path), typeInfo, cancellationToken);

    /// <summary>POST a body to a path.</summary>
    public Task<ApiResponse> PostAsync(string path, RequestBody? body, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Post, path) { Body = body }, cancellationToken);

    /// <summary>POST a body to a path synchronously.</summary>
    public ApiResponse Post(string path, RequestBody? body, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Post, path) { Body = body }, cancellationToken);

    /// <summary>PUT a body to a path.</summary>
    public Task<ApiResponse> PutAsync(string path, RequestBody? body, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Put, path) { Body = body }, cancellationToken);

    /// <summary>PUT a body to a path synchronously.</summary>
    public ApiResponse Put(string path, RequestBody? body, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Put, path) { Body = body }, cancellationToken);

    /// <summary>PATCH a path with a body.</summary>
    public Task<ApiResponse> PatchAsync(string path, RequestBody? body, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Patch, path) { Body = body }, cancellationToken);

    /// <summary>PATCH a path with a body synchronously.</summary>
    public ApiResponse Patch(string path, RequestBody? body, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Patch, path) { Body = body }, cancellationToken);

    /// <summary>DELETE a path.</summary>
    public Task<ApiResponse> DeleteAsync(string path, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Delete, path), cancellationToken);

    /// <summary>DELETE a path synchronously.</summary>
    public ApiResponse Delete(string path, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Delete, path), cancellationToken);

    /// <summary>HEAD a path.</summary>
    public Task<ApiResponse> HeadAsync(string path, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Head, path), cancellationToken);

    /// <summary>HEAD a path synchronously.</summary>
    public ApiResponse Head(string path, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Head, path), cancellationToken);

    /// <summary>OPTIONS a path.</summary>
    public Task<ApiResponse> OptionsAsync(string path, CancellationToken cancellationToken = default) => SendAsync(new ApiRequest(HttpMethod.Options, path), cancellationToken);

    /// <summary>OPTIONS a path synchronously.</summary>
    public ApiResponse SendOptions(string path, CancellationToken cancellationToken = default) => Send(new ApiRequest(HttpMethod.Options, path), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the rate limiter and, when owned, the transport.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pipeline?.Dispose();
        }
    }

    private HttpCallPipeline CreatePipeline(MessageTransport transport, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        var logger = (ILogger?)loggerFactory?.CreateLogger("Conduit.Http.ConduitClient") ?? NullLogger.Instance;
        return new HttpCallPipeline(Options, transport, logger, ConduitHttpInstruments.Create(meterFactory));
    }
}
