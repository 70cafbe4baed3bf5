using Conduit.Mist.Api;
using Conduit.Mist.Clouds;
using Conduit.Mist.Credentials;
using Conduit.Mist.Models;
using Conduit.Mist.Paging;
using Conduit.Mist.Sessions;
using Conduit.Sandbox;
using Spectre.Console;

// Exports a Mist org's inventory to CSV, page by page.
//
//   InventoryExport [output.csv] [--host api.mist.com] [--token TOKEN] [--org NAME_OR_ID]
//
// Without --host it starts an embedded Mist sandbox on loopback and exports that, so it runs offline.
// With --host and no --token, the credentials come from the usual places: MIST_APITOKEN (or MIST_USER and
// MIST_PASSWORD) in the environment or a .env file, Vault, the system keyring, or a prompt.
var output = "inventory.csv";
string? host = null, token = null, org = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--host": host = args[++i]; break;
        case "--token": token = args[++i]; break;
        case "--org": org = args[++i]; break;
        default: output = args[i]; break;
    }
}

await using var sandbox = host is null
    ? await MistSandbox.StartAsync(new MistSandboxOptions { EnableHttps = false, DeviceCount = 1000 })
    : null;

#region session
var options = new MistSessionOptions();
if (sandbox is not null)
{
    options.Cloud = MistCloud.Custom(new Uri(sandbox.BaseUrl));
    options.ApiToken = sandbox.Seed.Tokens[0];
}
else
{
    var resolver = MistCredentialResolver.Create(new MistCredentialResolverOptions
    {
        Arguments = new MistCredentials { Host = host, ApiTokens = token is null ? null : [token] },
    });
    options = MistSessionOptions.FromCredentials((await resolver.ResolveAsync()).Credentials);
}

await using var session = await MistSession.StartAsync(options);
var mist = new MistApiClient(session.Client);
#endregion

#region pick-org
var picker = new MistPicker(session, Console.In, Console.Error);
var orgChoice = org is null
    ? (await picker.ListOrgsAsync()).FirstOrDefault() ?? throw new InvalidOperationException("This account has no org.")
    : await picker.FindOrgAsync(org);
#endregion

#region export
var inventory = mist.Orgs.Inventory.GetAsync(orgChoice.Id, limit: 100);
var exported = 0;
await using (var csv = new StreamWriter(output))
{
    await csv.WriteLineAsync("mac,serial,model,type,name,site_id,connected");
    if (Console.IsOutputRedirected)
    {
        exported = await WriteCsvAsync(csv, inventory, onPage: null);
    }
    else
    {
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var bar = progress.AddTask($"Exporting {orgChoice.Name}");
            exported = await WriteCsvAsync(csv, inventory, page =>
            {
                bar.IsIndeterminate = page.Total is null;
                bar.MaxValue = page.Total ?? bar.MaxValue;
                bar.Increment(page.Items.Count);
            });
        });
    }
}
#endregion

Console.WriteLine($"Exported {exported} devices of {orgChoice.Name} to {Path.GetFullPath(output)}.");
if (sandbox is not null && exported != sandbox.Seed.DeviceCount)
{
    Console.Error.WriteLine($"Expected {sandbox.Seed.DeviceCount} devices from the sandbox.");
    return 1;
}

return 0;

// Writes each page's devices as CSV rows; pages arrive in order (fetched concurrently once the total is known).
static async Task<int> WriteCsvAsync(TextWriter csv, MistAsyncPageable<Inventory> inventory, Action<MistPage<Inventory>>? onPage)
{
    var count = 0;
    await foreach (var page in inventory.AsPages())
    {
        foreach (var device in page.Items)
        {
            var type = device.Type.HasValue ? device.Type.Value.ToString().ToLowerInvariant() : null;
            await csv.WriteLineAsync(string.Join(',',
                Field(device.Mac.GetValueOrDefault()), Field(device.Serial.GetValueOrDefault()), Field(device.Model.GetValueOrDefault()),
                Field(type), Field(device.Name.GetValueOrDefault()), Field(device.SiteId.GetValueOrDefault()),
                device.Connected.HasValue ? (device.Connected.Value ? "true" : "false") : string.Empty));
        }

        count += page.Items.Count;
        onPage?.Invoke(page);
    }

    return count;
}

// Quotes a CSV field when it holds a comma, a quote or a line break.
static string Field(string? value) =>
    value is null ? string.Empty
    : value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value
    : '"' + value.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
