namespace Hub.Web.Tests;

/// <summary>
/// Settings for a PostgreSQL cluster whose web nodes run as processes of their own, so a test
/// can kill one with SIGKILL: one database, one cluster id, Redis between the nodes.
/// </summary>
internal static class ClusterNodes
{
    public static Dictionary<string, string> Settings(TestDatabase database) => new()
    {
        ["ConnectionStrings:Postgres"] = database.ConnectionString,
        ["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable("HUB_TEST_REDIS")
            ?? throw new InvalidOperationException("HUB_TEST_REDIS is not set: run the tests with scripts/test.sh"),
        ["Hub:ClusterId"] = $"loss-{Guid.NewGuid():N}",
        ["Hub:Auth:SigningKey"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()),
        ["Hub:Admin:Username"] = HubAppFactory.AdminUsername,
        ["Hub:Admin:Password"] = HubAppFactory.AdminPassword,
    };

    /// <summary>The settings with Orleans ports of the node's own, kept when the same node is started again.</summary>
    public static Dictionary<string, string> WithOwnPorts(IReadOnlyDictionary<string, string> settings) => new(settings)
    {
        ["Hub:SiloPort"] = HubAppFactory.FreePort().ToString(),
        ["Hub:GatewayPort"] = HubAppFactory.FreePort().ToString(),
    };
}
