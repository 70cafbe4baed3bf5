using System.Net;
using System.Net.Sockets;
using Conduit.Http.Resilience;

namespace Conduit.Integrations.Tests.Infrastructure;

/// <summary>Options that keep tests fast: tiny retry delays without jitter.</summary>
public static class TestIntegrations
{
    public static IntegrationOptions Fast(string name, Uri baseUrl, int maxRetries = 2) => new()
    {
        Name = name,
        BaseUrl = baseUrl,
        Retry = new RetryOptions { MaxRetries = maxRetries, InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), UseJitter = false },
        Timeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A loopback URL with nothing listening.</summary>
    public static Uri DeadUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
    }

    /// <summary>The repository file at a path relative to the repository root.</summary>
    public static string RepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative);
    }
}
