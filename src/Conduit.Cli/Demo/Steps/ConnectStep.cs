using System.Text.Json;
using Spectre.Console;

namespace Conduit.Cli.Demo.Steps;

/// <summary>Connects to the sandbox's Mist API with an API token and reads <c>/api/v1/self</c>.</summary>
internal sealed class ConnectStep : IDemoStep
{
    public string Name => "connect";

    public string Title => "Connect to the Mist API with an API token (GET /api/v1/self)";

    public async Task RunAsync(DemoEnvironment environment, CancellationToken cancellationToken)
    {
        var sandbox = await environment.GetSandboxAsync(cancellationToken).ConfigureAwait(false);
        environment.Console.MarkupLineInterpolated($"Mist sandbox on [blue]{sandbox.BaseUrl}[/] ({Conduit.Sandbox.MistSandbox.OperationCount} operations routed).");
        using var client = await environment.CreateMistClientAsync(null, cancellationToken).ConfigureAwait(false);
        var response = await client.GetAsync("self", cancellationToken).ConfigureAwait(false);
        using var self = response.ReadJsonDocument();
        var root = self.RootElement;
        environment.Console.MarkupLineInterpolated($"Signed in as [bold]{root.GetProperty("email").GetString()}[/] in {response.Elapsed.TotalMilliseconds:F0} ms.");
        var table = new Table().AddColumns("Scope", "Name", "Role");
        foreach (var privilege in root.GetProperty("privileges").EnumerateArray())
        {
            table.AddRow(
                Markup.Escape(privilege.GetProperty("scope").GetString() ?? "?"),
                Markup.Escape(privilege.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "-"),
                Markup.Escape(privilege.GetProperty("role").GetString() ?? "?"));
        }

        environment.Console.Write(table);
    }
}
