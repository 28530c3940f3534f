namespace Hub.Grains.Governance.Bodies;

/// <summary>Which body runs an account, on which channel, under which handle there (a WeChat id, a Weibo name, a site's address).</summary>
[GenerateSerializer, Immutable, Alias("hub.account-placement")]
public sealed record AccountPlacement(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string BodyId,
    [property: Id(2)] string Channel,
    [property: Id(3)] string Handle);
