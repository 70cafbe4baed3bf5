using Microsoft.Extensions.Hosting;

namespace Conduit.AuthServer.Storage;

/// <summary>Creates or migrates the schema when the host starts, before the server accepts requests.</summary>
internal sealed class AuthStoreInitializer(IAuthStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
