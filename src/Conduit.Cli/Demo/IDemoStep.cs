namespace Conduit.Cli.Demo;

/// <summary>One step of <c>conduit demo</c>: shows one capability end to end and throws if it did not work.</summary>
internal interface IDemoStep
{
    /// <summary>The name used with <c>--step</c>.</summary>
    string Name { get; }

    /// <summary>What the step shows, one line.</summary>
    string Title { get; }

    /// <summary>Runs the step, writing what it shows to the environment's console.</summary>
    Task RunAsync(DemoEnvironment environment, CancellationToken cancellationToken);
}
