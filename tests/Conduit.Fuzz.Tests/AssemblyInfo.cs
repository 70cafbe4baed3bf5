using Conduit.Fuzz.Tests.Infrastructure;

// One report for the whole run: every test adds its figures, the fixture writes fuzz.md when the run ends.
[assembly: AssemblyFixture(typeof(FuzzReport))]

// Robustness tests mostly wait on sockets and timeouts; let more of them overlap than there are cores.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
