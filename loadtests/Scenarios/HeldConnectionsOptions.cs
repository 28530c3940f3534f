namespace Hub.LoadTests.Scenarios;

/// <summary>How many connections one runner opens and holds, and where the hub's metrics are read (null: /metrics on the hub with the admin's token).</summary>
public sealed record HeldConnectionsOptions(int Connections, Uri? Metrics);
