using Hub.LoadTests.Simulations;

namespace Hub.LoadTests.Runner;

/// <summary>A scenario together with the load it runs under.</summary>
public sealed record ScenarioRun(ILoadScenario Scenario, IReadOnlyList<LoadSimulation> Simulations);
