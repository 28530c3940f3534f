namespace Hub.Grains.Webhooks;

/// <summary>
/// Who keeps the subscriptions of a webhook grain, read from its key: an account, keyed by its
/// id, or a government body, keyed <c>body:ID</c> (account ids hold no colon), whose
/// subscriptions take the events of every account in its subtree.
/// </summary>
public sealed record WebhookOwner(string Id, bool IsBody)
{
    private const string BodyPrefix = "body:";

    public static string KeyOfAccount(string accountId) => accountId;

    public static string KeyOfBody(string bodyId) => BodyPrefix + bodyId;

    public static WebhookOwner FromKey(string key) =>
        key.StartsWith(BodyPrefix, StringComparison.Ordinal) ? new(key[BodyPrefix.Length..], true) : new(key, false);

    public override string ToString() => IsBody ? $"body '{Id}'" : $"account '{Id}'";
}
