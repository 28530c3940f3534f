using Hub.LoadTests.CommandLine;
using Hub.LoadTests.Runner;

namespace Hub.LoadTests.Scenarios;

/// <summary>
/// What a scenario command runs: its scenarios with their loads and, for calibration, the
/// floor pattern that does the same on the bare transport and which steps to compare
/// ("scenario.step" of the hub against "scenario.step" of the floor).
/// </summary>
public sealed record ScenarioPlan(
    IReadOnlyList<ScenarioRun> Runs,
    Func<Uri, ScenarioRun>? Floor,
    IReadOnlyList<(string HubStep, string FloorStep)> Compare);

/// <summary>A scenario as the command line knows it: its name, what it does, its options and how to build it.</summary>
public sealed record ScenarioDefinition(
    string Name, string Summary, IReadOnlyList<OptionSpec> Options, Func<Arguments, HubTarget, LoadShape, ScenarioPlan> Build);
