using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Conduit.Bench.Micro -- --filter '*'   (BenchmarkDotNet's own options apply)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
