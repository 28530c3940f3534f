using Hub.LoadTests.Reports;
using Hub.LoadTests.Runner;

namespace Hub.LoadTests.Agents;

/// <summary>What an agent measured in its share of a run, as tallies the coordinator merges.</summary>
public sealed record AgentResult(
    DateTimeOffset StartedAt, double MeasuredSeconds, IReadOnlyList<ScenarioPlanSummary> Scenarios, IReadOnlyList<StepTally> Steps);
