namespace Hub.Grains.Accounts;

/// <summary>
/// A reply an account's agents insert instead of typing it again. Its text may hold
/// placeholders the agent console fills from the conversation: <c>{citizen}</c> (the
/// citizen's display name) and <c>{reference}</c> (the conversation's reference number).
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.canned-response")]
public sealed record CannedResponse(
    [property: Id(0)] string ResponseId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Text,
    [property: Id(3)] string UpdatedBy,
    [property: Id(4)] DateTimeOffset UpdatedAt)
{
    /// <summary>Enough for every recurring answer of a hotline; a longer list is no longer found by typing a few letters.</summary>
    public const int MaxCount = 200;

    public const int MaxTitleLength = 40;

    /// <summary>Half a message, so the filled-in text still leaves the agent room to add to it.</summary>
    public const int MaxTextLength = 2000;
}
