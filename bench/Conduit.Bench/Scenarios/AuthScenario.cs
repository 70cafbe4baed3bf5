using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Conduit.AuthServer;
using Conduit.AuthService;

namespace Conduit.Bench.Scenarios;

/// <summary>
/// <c>--scenario auth</c>: login and <c>GET users/me</c> through <see cref="AuthClient"/> against the auth server on
/// loopback (production password-hash cost), written to <c>docs/benchmarks/auth.md</c>.
/// </summary>
internal static class AuthScenario
{
    public static async Task<string> RunAsync(string docs, TimeSpan duration)
    {
        await using var server = await AuthServerHost.StartAsync(new AuthServerOptions
        {
            SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            MaxFailedLoginsPerAccount = int.MaxValue,
            MaxFailedLoginsPerIp = int.MaxValue,
        });
        const string password = "Bench-Passw0rd!";
        await using (var setup = new AuthClient(new AuthClientOptions { BaseUrl = server.BaseUrl }))
        {
            await setup.RegisterAsync("bench@example.com", password, "Bench", "User");
        }

        var rows = new List<string>();
        foreach (var concurrency in new[] { 1, 4 })
        {
            rows.Add(Row("POST auth/login", concurrency, await MeasureAsync(server, concurrency, duration, (c, ct) => c.LoginAsync("bench@example.com", password, ct))));
        }

        foreach (var concurrency in new[] { 1, 16, 64 })
        {
            rows.Add(Row("GET users/me", concurrency, await MeasureAsync(server, concurrency, duration, (c, ct) => c.GetCurrentUserAsync(ct), login: password)));
        }

        var md = new StringBuilder();
        md.AppendLine("### Auth service through `AuthClient`").AppendLine();
        md.AppendLine("`dotnet run -c Release --project bench/Conduit.Bench -- --scenario auth`: the auth server in process on loopback with its production ")
          .AppendLine("password hashing (ASP.NET Core `PasswordHasher`, PBKDF2-HMAC-SHA512, 100,000 iterations), one `AuthClient` per caller. ")
          .AppendLine("Login time is dominated by the hash: it is the cost per login.").AppendLine();
        md.AppendLine("| Call | Callers | Requests/s | p50 ms | p99 ms |").AppendLine("| --- | ---: | ---: | ---: | ---: |");
        rows.ForEach(r => md.AppendLine(r));
        Directory.CreateDirectory(Path.Combine(docs, "benchmarks"));
        var path = Path.Combine(docs, "benchmarks", "auth.md");
        await File.WriteAllTextAsync(path, md.ToString());
        return path;
    }

    private static async Task<(double Rps, double P50, double P99)> MeasureAsync(
        AuthServerHost server, int concurrency, TimeSpan duration, Func<AuthClient, CancellationToken, Task> call, string? login = null)
    {
        var clients = Enumerable.Range(0, concurrency).Select(_ => new AuthClient(new AuthClientOptions { BaseUrl = server.BaseUrl })).ToList();
        try
        {
            if (login is not null)
            {
                await Task.WhenAll(clients.Select(c => c.LoginAsync("bench@example.com", login)));
            }

            var latencies = new List<double>[concurrency];
            using var stop = new CancellationTokenSource(duration);
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select((client, i) => Task.Run(async () =>
            {
                var mine = latencies[i] = [];
                while (!stop.IsCancellationRequested)
                {
                    var start = Stopwatch.GetTimestamp();
                    await call(client, CancellationToken.None);
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            })));
            var all = latencies.SelectMany(l => l).Order().ToArray();
            return (all.Length / watch.Elapsed.TotalSeconds, all[all.Length / 2], all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))]);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static string Row(string call, int concurrency, (double Rps, double P50, double P99) r) =>
        string.Create(CultureInfo.InvariantCulture, $"| {call} | {concurrency} | {r.Rps:N0} | {r.P50:F2} | {r.P99:F2} |");
}
