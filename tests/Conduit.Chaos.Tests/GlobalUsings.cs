global using Conduit.Tests.Support;
global using Xunit;

// The chaos tests measure process-wide things (managed memory, unobserved task exceptions, wall time
// against timeouts) and stop servers: they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
