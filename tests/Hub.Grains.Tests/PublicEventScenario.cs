using Hub.Grains.Common;
using Hub.Grains.PublicEvents;

namespace Hub.Grains.Tests;

/// <summary>Opens incidents with fresh keys and press officers of a fresh lead account.</summary>
public sealed class PublicEventScenario(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture);

    public Scenario Given => _given;

    public static Caller Press(string accountId, string name = "新闻发言人") =>
        new($"s-{Guid.NewGuid():N}", name, [Roles.Press], [accountId]);

    public IPublicEventGrain Event() => fixture.Grains.GetGrain<IPublicEventGrain>(Guid.NewGuid().ToString("N"));

    public async Task<(IPublicEventGrain Event, string Lead, Caller Drafter, Caller Reviewer)> Incident(int severity, string title = "某区化工厂火灾")
    {
        var lead = await _given.Account("市应急管理局");
        var drafter = Press(lead, "起草人");
        var reviewer = Press(lead, "审核人");
        var incident = Event();
        await incident.Open(drafter, new PublicEventRequest(lead, PublicEventKind.Incident, title, severity));
        return (incident, lead, drafter, reviewer);
    }

    public static StatementDraft Plain(string text) => new(StatementKinds.Statement, text);
}
