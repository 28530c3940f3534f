namespace Hub.Realtime.Presence;

/// <summary>This process, as the accounts know it when it renews its agents' presence; new at every start.</summary>
public sealed class NodeIdentity
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
