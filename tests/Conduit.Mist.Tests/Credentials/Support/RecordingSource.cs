using Conduit.Mist.Credentials;

namespace Conduit.Mist.Tests.Credentials.Support;

/// <summary>A source with fixed values that records what it was asked.</summary>
internal sealed class RecordingSource(string name, MistCredentials values) : IMistCredentialSource
{
    public string Name => name;

    public List<MistCredentialRequest> Requests { get; } = [];

    public MistCredentialReading Read(MistCredentialRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        return new MistCredentialReading(MistCredentialFieldAccess.Keep(values, request.Missing));
    }

    public ValueTask<MistCredentialReading> ReadAsync(MistCredentialRequest request, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(request, cancellationToken));
}
