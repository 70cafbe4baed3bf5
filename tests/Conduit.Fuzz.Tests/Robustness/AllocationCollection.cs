namespace Conduit.Fuzz.Tests.Robustness;

/// <summary>Runs alone, so the allocation counter sees only the call being measured (and its in-process server).</summary>
[CollectionDefinition(nameof(AllocationCollection), DisableParallelization = true)]
public sealed class AllocationCollection;
