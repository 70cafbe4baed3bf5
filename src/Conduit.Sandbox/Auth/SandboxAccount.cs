namespace Conduit.Sandbox.Auth;

/// <summary>A user of the sandbox with its mutable privilege list.</summary>
internal sealed class SandboxAccount
{
    private readonly Lock gate = new();
    private Privilege[] privileges;

    public SandboxAccount(MistSandboxUser user, string firstName, string lastName, IEnumerable<Privilege> privileges)
    {
        User = user;
        FirstName = firstName;
        LastName = lastName;
        this.privileges = [.. privileges];
    }

    public MistSandboxUser User { get; }

    public string FirstName { get; }

    public string LastName { get; }

    public Privilege[] Privileges => Volatile.Read(ref privileges);

    /// <summary>The serialised <c>/self</c> of token requests, valid while <see cref="Privileges"/> is the same array.</summary>
    public SelfCache? CachedSelf { get; set; }

    public void Grant(Privilege privilege)
    {
        lock (gate)
        {
            Volatile.Write(ref privileges, [.. privileges, privilege]);
        }
    }

    public void RevokeOrg(string orgId)
    {
        lock (gate)
        {
            Volatile.Write(ref privileges, [.. privileges.Where(p => !string.Equals(p.OrgId, orgId, StringComparison.OrdinalIgnoreCase))]);
        }
    }
}
