using Hub.LoadTests.CommandLine;
using Hub.LoadTests.Live;
using Hub.LoadTests.Reports;
using Hub.LoadTests.Runner;
using Hub.LoadTests.Scenarios;
using Hub.LoadTests.Simulations;

namespace Hub.LoadTests.Agents;

/// <summary>
/// An agent's share of a coordinated run: the scenario as the command line describes it, with
/// its share of the load, measured without thresholds (the coordinator checks them on the
/// merged figures).
/// </summary>
public static class AgentRun
{
    public static async Task<AgentResult> Run(AgentRequest request, CancellationToken cancellationToken)
    {
        var share = new LoadShare(request.ShareIndex, request.ShareCount).Validated();
        var arguments = Arguments.Parse(request.Args);
        var definition = ScenarioCatalog.Find(arguments.Command ?? "") ?? throw new FormatException($"unknown scenario '{arguments.Command}'");
        var (target, settings, plan) = ScenarioCommand.Prepare(definition, arguments, share);
        using var stream = OtlpStream.From(arguments, definition.Name, target.Address.ToString(), settings.RefreshEvery,
            agent: $"{request.ShareIndex + 1} of {request.ShareCount}");
        var outcome = await new LoadRunner(TimeProvider.System).Run(plan.Runs, settings with { Thresholds = [] },
            stream?.Around(_ => { }) ?? (_ => { }), cancellationToken);
        return new AgentResult(outcome.StartedAt, outcome.MeasuredSeconds, ScenarioCommand.Summaries(plan), outcome.Tallies);
    }
}
