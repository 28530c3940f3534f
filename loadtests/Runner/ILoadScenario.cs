namespace Hub.LoadTests.Runner;

/// <summary>
/// A named body of steps that the runner repeats under a load simulation. Set-up (accounts,
/// connections) happens in <see cref="Init"/> and is not measured; <see cref="Finish"/> waits
/// for pushes still on their way and counts what never arrived.
/// </summary>
public interface ILoadScenario : IAsyncDisposable
{
    string Name { get; }

    Task Init(ScenarioContext context, CancellationToken cancellationToken);

    Task Iterate(Iteration iteration, CancellationToken cancellationToken);

    Task Finish(CancellationToken cancellationToken);
}
