using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Conduit.Sandbox.Auth;

namespace Conduit.Sandbox.State;

/// <summary>The sandbox's stateful core: the objects that later reads see after writes.</summary>
internal sealed class MistState(TimeProvider time, IdFactory ids)
{
    public TimeProvider Time { get; } = time;

    public IdFactory Ids { get; } = ids;

    public string MspId { get; set; } = string.Empty;

    public string MspName { get; set; } = string.Empty;

    public EntityCollection Orgs { get; } = new();

    public EntityCollection Sites { get; } = new();

    public EntityCollection Devices { get; } = new();

    public EntityCollection OrgWlans { get; } = new();

    public EntityCollection SiteWlans { get; } = new();

    /// <summary>Alarms, newest first; read-only after seeding.</summary>
    public List<JsonObject> Alarms { get; } = [];

    /// <summary>Device events, newest first; read-only after seeding.</summary>
    public List<JsonObject> DeviceEvents { get; } = [];

    public List<SandboxAccount> Accounts { get; } = [];

    public Dictionary<string, SandboxAccount> AccountsByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Ids of orgs and sites deleted since start, which answer 404 instead of 403.</summary>
    public ConcurrentDictionary<string, bool> Deleted { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long Now => Time.GetUtcNow().ToUnixTimeSeconds();

    public void AddAccount(SandboxAccount account)
    {
        Accounts.Add(account);
        AccountsByEmail[account.User.Email] = account;
    }
}
