using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Push;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class StaffNoteTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture);

    [Fact]
    public async Task Staff_of_the_account_keep_private_notes_the_citizen_never_sees()
    {
        var account = await _given.Account();
        var agent = await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, view) = await _given.Start(account, citizen);
        await conversation.Send(citizen, "c-1", "我的医保卡丢了");
        var supervisor = Scenario.Staff(account, Roles.Supervisor);

        var note = await conversation.AddNote(supervisor, "来电人已在窗口挂失，跟进补卡进度");

        Assert.Equal((1L, supervisor.UserId), (note.Number, note.AuthorId));
        await ClusterFixture.Push.Next<StaffNote>(agent.UserId, ClientEvents.NoteAdded, n => n.ConversationId == view.ConversationId);
        Assert.Empty(ClusterFixture.Push.SentTo<StaffNote>(citizen.UserId, ClientEvents.NoteAdded));
        Assert.Equal([note], await conversation.GetNotes(agent));
        Assert.Equal([note], await conversation.GetNotes(Scenario.Staff(account, Roles.Inspector)));
        Assert.DoesNotContain(await conversation.GetHistory(citizen, 0), m => m.Text.Contains("挂失"));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.AddNote(citizen, "我也想写"));
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.GetNotes(citizen));
        var outsider = Scenario.Staff(await _given.Account(), Roles.Agent);
        await Rules.Refused(HubErrorCode.Forbidden, () => conversation.AddNote(outsider, "外单位"));
        await Rules.Refused(HubErrorCode.BadRequest, () => conversation.AddNote(agent, "  "));
        Assert.Single(await conversation.GetNotes(agent));
    }
}
