namespace Hub.LoadTests.Floor;

/// <summary>
/// The bare hub the hub is measured against: no authentication, no grains, no storage; the
/// same transport and protocol. Echo mirrors a call that is answered; Publish mirrors a
/// statement reaching every follower of a group.
/// </summary>
public sealed class FloorHub : Microsoft.AspNetCore.SignalR.Hub
{
    public const string UpdateEvent = "floorUpdate";

    public string Echo(string text) => text;

    public Task Join(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);

    public async Task<long> Publish(string group, long seq, string text)
    {
        await Clients.Group(group).SendCoreAsync(UpdateEvent, [new FloorUpdate(seq, text)]);
        return seq;
    }
}

/// <summary>What Publish sends to the group.</summary>
public sealed record FloorUpdate(long Seq, string Text);
