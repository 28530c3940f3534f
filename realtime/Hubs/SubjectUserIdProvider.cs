using Hub.Realtime.Identity;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Realtime.Hubs;

/// <summary>SignalR addresses users by the token's subject, the same id the grains use.</summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User.FindFirst(HubClaims.UserId)?.Value;
}
