using Hub.Grains.Common;
using Hub.Grains.PublicEvents;
using Hub.Grains.Push;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PublicEventTests(ClusterFixture fixture)
{
    private readonly PublicEventScenario _given = new(fixture);

    [Fact]
    public async Task Opening_is_refused_to_non_press_and_on_bad_input()
    {
        var lead = await _given.Given.Account();
        var press = PublicEventScenario.Press(lead);
        PublicEventRequest Request(string? kind = PublicEventKind.Incident, string? title = "暴雨内涝", int? severity = 2, string? account = null) =>
            new(account ?? lead, kind, title, severity);

        await Rules.Refused(HubErrorCode.Forbidden, () => _given.Event().Open(Scenario.Citizen(), Request()));
        await Rules.Refused(HubErrorCode.Forbidden, () => _given.Event().Open(PublicEventScenario.Press("other-account"), Request()));
        await Rules.Refused(HubErrorCode.BadRequest, () => _given.Event().Open(press, Request(severity: 0)));
        await Rules.Refused(HubErrorCode.BadRequest, () => _given.Event().Open(press, Request(severity: 5)));
        await Rules.Refused(HubErrorCode.BadRequest, () => _given.Event().Open(press, Request(kind: "party")));
        await Rules.Refused(HubErrorCode.BadRequest, () => _given.Event().Open(press, Request(title: " ")));
        var stranger = PublicEventScenario.Press("no-such-account");
        await Rules.Refused(HubErrorCode.NotFound, () => _given.Event().Open(stranger, Request(account: "no-such-account")));
        await Rules.Refused(HubErrorCode.NotFound, () => _given.Event().GetSnapshot());

        var opened = await _given.Event().Open(press, Request());
        Assert.Equal(("暴雨内涝", 2, "open", lead), (opened.Title, opened.Severity, opened.Status, opened.LeadAccountId));
    }

    [Fact]
    public async Task Grade_one_and_two_statements_are_published_only_after_review_by_someone_else()
    {
        var (incident, lead, drafter, reviewer) = await _given.Incident(severity: 2);
        var draft = await incident.Draft(drafter, PublicEventScenario.Plain("火情已得到控制，无人员伤亡。"));

        await Rules.Refused(HubErrorCode.Conflict, () => incident.Publish(drafter, draft.StatementId));
        await Rules.Refused(HubErrorCode.Forbidden, () => incident.Approve(drafter, draft.StatementId));
        var approved = await incident.Approve(reviewer, draft.StatementId);
        await Rules.Refused(HubErrorCode.Conflict, () => incident.Edit(drafter, draft.StatementId, "改动"));
        await Rules.Refused(HubErrorCode.Conflict, () => incident.Approve(PublicEventScenario.Press(lead), draft.StatementId));

        var seq = await incident.Publish(drafter, draft.StatementId);
        var again = await incident.Publish(reviewer, draft.StatementId);

        Assert.Equal((reviewer.UserId, 1L, 1L), (approved.ApprovedBy, seq, again));
        var update = Assert.Single((await incident.GetSnapshot()).Updates);
        Assert.Equal((draft.StatementId, "火情已得到控制，无人员伤亡。"), (update.StatementId, update.Text));
        Assert.Single(ClusterFixture.Push.SentTo<EventUpdate>(PushGroups.Followers(incident.GetPrimaryKeyString()), ClientEvents.EventUpdate));
    }

    [Fact]
    public async Task Lower_grades_publish_drafts_directly_with_a_gapless_timeline()
    {
        var (incident, _, drafter, _) = await _given.Incident(severity: 4);

        var seqs = new List<long>();
        foreach (var text in new[] { "第一条通报", "第二条通报", "第三条通报" })
        {
            seqs.Add(await incident.Publish(drafter, (await incident.Draft(drafter, PublicEventScenario.Plain(text))).StatementId));
        }

        Assert.Equal([1L, 2L, 3L], seqs);
        Assert.Equal(["第一条通报", "第二条通报", "第三条通报"], (await incident.GetSnapshot()).Updates.Select(u => u.Text));
    }

    [Fact]
    public async Task Corrections_name_what_they_correct_and_rebuttals_quote_the_rumour()
    {
        var (incident, _, drafter, _) = await _given.Incident(severity: 3);
        var first = await incident.Draft(drafter, PublicEventScenario.Plain("3人受伤"));
        await Rules.Refused(HubErrorCode.Conflict, () => incident.Draft(drafter, new StatementDraft(StatementKinds.Correction, "更正", first.StatementId)));
        await incident.Publish(drafter, first.StatementId);

        var correction = await incident.Draft(drafter, new StatementDraft(StatementKinds.Correction, "更正：2人轻伤", first.StatementId));
        var rebuttal = await incident.Draft(drafter, new StatementDraft(StatementKinds.Rebuttal, "经核实，该说法不实。", Rumour: "网传有毒气体泄漏"));
        await incident.Publish(drafter, correction.StatementId);
        await incident.Publish(drafter, rebuttal.StatementId);

        var updates = (await incident.GetSnapshot()).Updates;
        Assert.Equal((StatementKinds.Correction, first.StatementId, 1L), (updates[1].Kind, updates[1].CorrectsStatementId, updates[1].CorrectsSeq));
        Assert.Equal((StatementKinds.Rebuttal, "网传有毒气体泄漏"), (updates[2].Kind, updates[2].Rumour));
        await Rules.Refused(HubErrorCode.NotFound, () => incident.Draft(drafter, new StatementDraft(StatementKinds.Correction, "x", "s99")));
        await Rules.Refused(HubErrorCode.BadRequest, () => incident.Draft(drafter, new StatementDraft(StatementKinds.Rebuttal, "x", Rumour: "")));
        await Rules.Refused(HubErrorCode.TooLarge, () => incident.Draft(drafter, PublicEventScenario.Plain(new string('字', 4001))));
        await Rules.Refused(HubErrorCode.BadRequest, () => incident.Draft(drafter, new StatementDraft("opinion", "x")));
    }

    [Fact]
    public async Task Whoever_edits_a_draft_becomes_an_author_and_may_not_approve_it()
    {
        var (incident, lead, drafter, editor) = await _given.Incident(severity: 1);
        var draft = await incident.Draft(drafter, PublicEventScenario.Plain("初稿"));

        var edited = await incident.Edit(editor, draft.StatementId, "修改稿");

        Assert.Equal([drafter.UserId, editor.UserId], edited.Authors);
        await Rules.Refused(HubErrorCode.Forbidden, () => incident.Approve(editor, draft.StatementId));
        Assert.Equal("修改稿", (await incident.Approve(PublicEventScenario.Press(lead, "第三人"), draft.StatementId)).Text);
    }

    [Fact]
    public async Task Only_the_events_accounts_act_and_the_lead_invites_cooperating_accounts()
    {
        var (incident, _, drafter, _) = await _given.Incident(severity: 2);
        var partner = await _given.Given.Account("市卫健委");
        var partnerPress = PublicEventScenario.Press(partner, "卫健委发言人");

        await Rules.Refused(HubErrorCode.Forbidden, () => incident.Draft(partnerPress, PublicEventScenario.Plain("x")));
        await Rules.Refused(HubErrorCode.Forbidden, () => incident.Draft(Scenario.Citizen(), PublicEventScenario.Plain("x")));
        await Rules.Refused(HubErrorCode.Forbidden, () => incident.InviteAccount(partnerPress, partner));
        await Rules.Refused(HubErrorCode.NotFound, () => incident.InviteAccount(drafter, "no-such-account"));
        await incident.InviteAccount(drafter, partner);

        var draft = await incident.Draft(drafter, PublicEventScenario.Plain("伤员已送医救治"));
        await incident.Approve(partnerPress, draft.StatementId);
        Assert.Equal(1, await incident.Publish(partnerPress, draft.StatementId));
        Assert.Contains(partner, (await incident.GetSnapshot()).AccountIds);
    }

    [Fact]
    public async Task Closing_needs_a_summary_and_freezes_the_event()
    {
        var (incident, _, drafter, _) = await _given.Incident(severity: 3);
        await incident.SetStatus(drafter, PublicEventStatus.Monitoring, null);

        await Rules.Refused(HubErrorCode.BadRequest, () => incident.SetStatus(drafter, PublicEventStatus.Closed, " "));
        await Rules.Refused(HubErrorCode.BadRequest, () => incident.SetStatus(drafter, "archived", null));
        await incident.SetStatus(drafter, PublicEventStatus.Closed, "事件处置完毕，转入善后。");

        await Rules.Refused(HubErrorCode.Conflict, () => incident.Draft(drafter, PublicEventScenario.Plain("x")));
        await Rules.Refused(HubErrorCode.Conflict, () => incident.SetStatus(drafter, PublicEventStatus.Open, null));
        var snapshot = await incident.GetSnapshot();
        Assert.Equal(("closed", "事件处置完毕，转入善后。"), (snapshot.Status, snapshot.ClosingSummary));
        var listed = await fixture.Grains.GetGrain<IPublicEventDirectoryGrain>(0).List();
        Assert.Equal("closed", listed.Single(e => e.EventId == incident.GetPrimaryKeyString()).Status);
        Assert.True(listed.SkipWhile(e => e.Status != "closed").All(e => e.Status == "closed"), "open events come first");
    }

    [Fact]
    public async Task Every_action_is_audited_with_who_and_when_for_the_events_staff()
    {
        var (incident, _, drafter, reviewer) = await _given.Incident(severity: 2);
        var draft = await incident.Draft(drafter, PublicEventScenario.Plain("通报"));
        await incident.Approve(reviewer, draft.StatementId);
        await incident.Publish(drafter, draft.StatementId);

        var audit = await incident.GetAuditTrail(reviewer);

        Assert.Equal(["opened", "drafted", "approved", "published"], audit.Select(a => a.Action));
        Assert.Equal([drafter.UserId, drafter.UserId, reviewer.UserId, drafter.UserId], audit.Select(a => a.ActorId));
        await Rules.Refused(HubErrorCode.Forbidden, () => incident.GetAuditTrail(Scenario.Citizen()));
    }
}
