using Hub.Grains.Common;
using Hub.Grains.Limits;
using Hub.Grains.Push;
using Hub.Realtime.Identity;
using Hub.Realtime.Presence;
using Microsoft.Extensions.Options;

namespace Hub.Realtime.Hubs;

/// <summary>
/// The one SignalR hub of the contract. It authenticates, checks the shape of arguments,
/// calls a grain and maps the answer; the rules live in the grains. One partial file per area.
/// </summary>
public sealed partial class LiveHub(
    IGrainFactory grains, LocalConnections local, LocalAgents agents, StaffSessions staffSessions, IOptions<LimitOptions> limits,
    HubMetrics metrics)
    : Microsoft.AspNetCore.SignalR.Hub
{

    /// <summary>
    /// The caller, read from the token's claims once, when the connection opens: a connection
    /// keeps the token it opened with, and reading the claims on every call cost more
    /// allocations than any other step of a chat message.
    /// </summary>
    private Caller Caller =>
        Context.Items.TryGetValue(typeof(Caller), out var caller) ? (Caller)caller! : Context.User.RequireCaller();

    public override async Task OnConnectedAsync()
    {
        metrics.Connected();
        try
        {
            await Register();
        }
        catch
        {
            // SignalR closes a connection whose OnConnectedAsync failed without calling
            // OnDisconnectedAsync: undone here, or this node would go on renewing the presence of
            // an agent it holds no connection of, and conversations would be routed to nobody.
            await Forget();
            throw;
        }
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await Forget();
        await base.OnDisconnectedAsync(exception);
    }

    private async Task Register()
    {
        if (Context.User.ToCaller() is not { } caller)
        {
            return;
        }
        Context.Items[typeof(Caller)] = caller;
        local.Connected(caller.UserId, Context.ConnectionId);
        staffSessions.Opened(Context);
        await agents.Connected(caller, Context.ConnectionId);
        // Press officers, moderators and supervisors hear of their accounts' events (clock
        // alerts, statements, questions waiting for moderation, service-level breaches) on every connection.
        await JoinAccountGroups(caller, Roles.Press, PushGroups.PressOf);
        await JoinAccountGroups(caller, Roles.Moderator, PushGroups.ModeratorsOf);
        await JoinAccountGroups(caller, Roles.Supervisor, PushGroups.SupervisorsOf);
    }

    /// <summary>Drops what this node knows of the connection; the agent's presence here ends locally before the account is told.</summary>
    private async Task Forget()
    {
        metrics.Disconnected();
        local.Disconnected(Context.ConnectionId);
        staffSessions.Closed(Context);
        if (Context.UserIdentifier is { } userId)
        {
            await agents.Disconnected(userId, Context.ConnectionId);
        }
    }

    private Task JoinAccountGroups(Caller caller, string role, Func<string, string> group) =>
        Task.WhenAll(caller.AccountsWhere(role).Select(a => JoinGroup(group(a))));

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

    /// <summary>Counts the action against the caller's limits, which hold across every node.</summary>
    private Task Take(Caller caller, UserAction action) =>
        limits.Value.Enabled ? grains.GetGrain<IUserQuotaGrain>(caller.UserId).Take(action) : Task.CompletedTask;
}
