using Conduit.Testing;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Conduit.Sandbox.Tests.Hosting;

public sealed class LoggingTests
{
    [Fact]
    public async Task Logs_TokensPasswordsAndSecrets_NeverAppear()
    {
        var provider = new CapturingProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
        await using var sandbox = await SandboxTestHost.StartAsync(o => { o.LoggerFactory = factory; o.Faults.Add(MistSandboxFaultSpec.Parse("error:500,count=1")[0]); });
        using var client = SandboxTestHost.TokenClient(sandbox);
        using var anonymous = SandboxTestHost.AnonymousClient(sandbox);
        (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).Dispose();
        (await client.GetAsync("/api/v1/self", SandboxTestHost.Token)).Dispose();
        (await client.PostAsync("/api/v1/register/verify/secret-verify-token", SandboxTestHost.Json("{}"), SandboxTestHost.Token)).Dispose();
        var admin = sandbox.Seed.Admin;
        (await anonymous.PostAsync("/api/v1/login", SandboxTestHost.Json(new JsonObject { ["email"] = admin.Email, ["password"] = admin.Password }), SandboxTestHost.Token)).Dispose();

        var text = string.Join(Environment.NewLine, provider.Messages);
        Assert.NotEmpty(provider.Messages);
        foreach (var secret in new[] { sandbox.Seed.Tokens[0], admin.Password, sandbox.Seed.TwoFactorUser.TotpSecret!, "secret-verify-token" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private sealed class CapturingProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capturing(Messages);

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => messages.Enqueue(SuiteSecretSink.Recorded("log", formatter(state, exception) + exception));
        }
    }
}
