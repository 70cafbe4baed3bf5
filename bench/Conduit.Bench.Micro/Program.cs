using System.Globalization;
using BenchmarkDotNet.Running;
using Conduit.Bench.Micro.FullCall;

// dotnet run -c Release --project bench/Conduit.Bench.Micro -- --filter '*'         BenchmarkDotNet (its own options apply)
// dotnet run -c Release --project bench/Conduit.Bench.Micro -- alloc [calls] [concurrency] [name filter]   bytes (and CPU) per call, feature by feature
// dotnet run -c Release --project bench/Conduit.Bench.Micro -- loop <variant> <seconds> <concurrency>   a steady load to profile
// dotnet run -c Release --project bench/Conduit.Bench.Micro -- serve --port N       the loopback target (started by the others)
if (args.Length >= 3 && args[0] == "serve")
{
    await LoopbackTarget.ServeAsync(int.Parse(args[2], CultureInfo.InvariantCulture));
    return 0;
}

if (args.Length >= 1 && args[0] == "alloc")
{
    await AllocationProbe.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1,
        args.Length > 3 ? args[3] : null);
    return 0;
}

if (args.Length >= 4 && args[0] == "loop")
{
    await LoadLoop.RunAsync(args[1], TimeSpan.FromSeconds(double.Parse(args[2], CultureInfo.InvariantCulture)), int.Parse(args[3], CultureInfo.InvariantCulture));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
