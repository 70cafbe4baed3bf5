namespace Conduit.Sandbox;

/// <summary>
/// One fault-injection rule: what to do, to which requests, how often. Rules are immutable; add or
/// remove them at run time through <see cref="MistSandboxFaults"/>, or give them at start in
/// <see cref="MistSandboxOptions.Faults"/> (or as text, see <see cref="MistSandboxFaultSpec"/>).
/// </summary>
public sealed record MistSandboxFault
{
    /// <summary>What the fault does.</summary>
    public required MistSandboxFaultKind Kind { get; init; }

    /// <summary>The HTTP method it applies to, or null for any.</summary>
    public string? Method { get; init; }

    /// <summary>
    /// The request paths it applies to: an exact path, or a glob in which <c>*</c> matches within one
    /// segment and <c>**</c> matches anything (the default, every path). Stream faults match the
    /// handshake path of the connection, <c>/api-ws/v1/stream</c>.
    /// </summary>
    public string PathPattern { get; init; } = "**";

    /// <summary>The probability (0–1) that a matching request is hit; 1 by default.</summary>
    public double Probability { get; init; } = 1;

    /// <summary>How many requests it hits at most, or null for no limit (a burst's size).</summary>
    public int? Count { get; init; }

    /// <summary>The statuses an <see cref="MistSandboxFaultKind.Error"/> picks from (uniformly); 500 by default.</summary>
    public IReadOnlyList<int> StatusCodes { get; init; } = [500];

    /// <summary>
    /// The added latency, the pause between slow-body chunks, a burst's <c>Retry-After</c> (rounded up
    /// to whole seconds; zero sends <c>Retry-After: 0</c>), or a stream stall's length.
    /// </summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The chunk size in bytes for <see cref="MistSandboxFaultKind.SlowBody"/>; 16 by default.</summary>
    public int ChunkSize { get; init; } = 16;

    /// <summary>
    /// Whether an HTTP fault strikes before the handler (the default) or after it applied the request;
    /// see <see cref="MistSandboxFaultPlacement"/>. Stream faults take only the default.
    /// </summary>
    public MistSandboxFaultPlacement Placement { get; init; }

    /// <summary>Lists every problem with this rule (empty when it is valid).</summary>
    public IReadOnlyList<string> GetErrors()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Kind))
        {
            errors.Add($"Kind {(int)Kind} is not a fault kind.");
        }

        if (!Enum.IsDefined(Placement))
        {
            errors.Add($"Placement {(int)Placement} is not a fault placement.");
        }
        else if (Placement == MistSandboxFaultPlacement.AfterHandler && Kind is MistSandboxFaultKind.StreamDrop or MistSandboxFaultKind.StreamStall or MistSandboxFaultKind.StreamMalformed)
        {
            errors.Add("Placement AfterHandler applies to HTTP faults only, not to stream faults.");
        }

        if (Probability is < 0 or > 1 || double.IsNaN(Probability))
        {
            errors.Add($"Probability must be between 0 and 1 (was {Probability}).");
        }

        if (Count is < 1)
        {
            errors.Add($"Count must be at least 1 when set (was {Count}).");
        }

        if (Delay < TimeSpan.Zero)
        {
            errors.Add($"Delay must not be negative (was {Delay}).");
        }

        if (ChunkSize < 1)
        {
            errors.Add($"ChunkSize must be at least 1 (was {ChunkSize}).");
        }

        if (string.IsNullOrWhiteSpace(PathPattern))
        {
            errors.Add("PathPattern must not be empty.");
        }

        if (StatusCodes is null || StatusCodes.Count == 0 || StatusCodes.Any(s => s is < 100 or > 599))
        {
            errors.Add("StatusCodes must hold at least one status between 100 and 599.");
        }

        return errors;
    }
}
