using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Presence;
using Hub.Grains.Push;
using Hub.Realtime.Identity;

namespace Hub.Realtime.Hubs;

/// <summary>
/// The one SignalR hub of the contract. It authenticates, checks the shape of arguments,
/// calls a grain and maps the answer; the rules live in the grains. One partial file per area.
/// </summary>
public sealed partial class LiveHub(IGrainFactory grains, LocalConnections local) : Microsoft.AspNetCore.SignalR.Hub
{
    private const int MaxIdLength = 128;

    private Caller Caller => Context.User.RequireCaller();

    public override async Task OnConnectedAsync()
    {
        if (Context.User.ToCaller() is { } caller)
        {
            local.Connected(caller.UserId, Context.ConnectionId);
            if (caller.HasRole(Roles.Agent))
            {
                await grains.GetGrain<IUserPresenceGrain>(caller.UserId).Connected(Context.ConnectionId);
            }
            // Press officers and moderators hear of their accounts' events (clock alerts,
            // statements, questions waiting for moderation) on every connection.
            if (caller.HasRole(Roles.Press))
            {
                await JoinAccountGroups(caller, PushGroups.PressOf);
            }
            if (caller.HasRole(Roles.Moderator))
            {
                await JoinAccountGroups(caller, PushGroups.ModeratorsOf);
            }
        }
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        local.Disconnected(Context.ConnectionId);
        if (Context.User.ToCaller() is { } caller && caller.HasRole(Roles.Agent)
            && await grains.GetGrain<IUserPresenceGrain>(caller.UserId).Disconnected(Context.ConnectionId))
        {
            await Task.WhenAll(caller.AccountIds.Select(a => grains.GetGrain<IAccountGrain>(a).GoOffline(caller.UserId)));
        }
        await base.OnDisconnectedAsync(exception);
    }

    private Task JoinAccountGroups(Caller caller, Func<string, string> group) =>
        Task.WhenAll(caller.AccountIds.Select(a => JoinGroup(group(a))));

    private async Task JoinGroup(string group)
    {
        local.Joined(group, Context.ConnectionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    private async Task LeaveGroup(string group)
    {
        local.Left(group, Context.ConnectionId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
    }

    private static string RequireId(string? id, string name) =>
        string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength
            ? throw RuleViolation.BadRequest($"{name} is required")
            : id;
}
