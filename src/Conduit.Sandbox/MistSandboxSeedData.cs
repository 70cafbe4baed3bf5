namespace Conduit.Sandbox;

/// <summary>The deterministic demo data a sandbox starts with.</summary>
public sealed class MistSandboxSeedData
{
    internal MistSandboxSeedData(IReadOnlyList<string> tokens, string mspId, string orgId, IReadOnlyList<string> siteIds, IReadOnlyList<MistSandboxUser> users, int deviceCount)
    {
        Tokens = tokens;
        MspId = mspId;
        OrgId = orgId;
        SiteIds = siteIds;
        Users = users;
        DeviceCount = deviceCount;
    }

    /// <summary>The accepted API tokens (all of <see cref="Admin"/>).</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The demo MSP's id.</summary>
    public string MspId { get; }

    /// <summary>The demo org's id.</summary>
    public string OrgId { get; }

    /// <summary>The demo org's site ids.</summary>
    public IReadOnlyList<string> SiteIds { get; }

    /// <summary>The demo users: <see cref="Admin"/>, <see cref="TwoFactorUser"/>, <see cref="SiteObserver"/>.</summary>
    public IReadOnlyList<MistSandboxUser> Users { get; }

    /// <summary>How many devices were seeded.</summary>
    public int DeviceCount { get; }

    /// <summary>The org and MSP admin without two-factor (owner of the API tokens).</summary>
    public MistSandboxUser Admin => Users[0];

    /// <summary>An org admin with two-factor enabled.</summary>
    public MistSandboxUser TwoFactorUser => Users[1];

    /// <summary>A read-only user scoped to the first site only.</summary>
    public MistSandboxUser SiteObserver => Users[2];
}
