using Hub.Grains.Conversations;
using Hub.Grains.Governance.Posts;

namespace Hub.Grains.Governance.Inspection;

/// <summary>
/// One account of a run, opened up: its row in the run, its score in every kept run (the
/// account's trend), samples of the conversations still waiting for a reply, the longest waits
/// first, and its latest posts. The samples are read now, the row is as the run found it.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.account-drill-down")]
public sealed record AccountDrillDown(
    [property: Id(0)] string RunId,
    [property: Id(1)] InspectedAccount Account,
    [property: Id(2)] IReadOnlyList<AccountTrendPoint> Trend,
    [property: Id(3)] IReadOnlyList<SampleConversation> Waiting,
    [property: Id(4)] IReadOnlyList<PublicPost> RecentPosts);

/// <summary>How the account came out in one run.</summary>
[GenerateSerializer, Immutable, Alias("hub.account-trend-point")]
public sealed record AccountTrendPoint(
    [property: Id(0)] string RunId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] int Rank,
    [property: Id(3)] int Score,
    [property: Id(4)] IReadOnlyList<string> Flags);

/// <summary>A conversation whose last word is the citizen's, with its latest messages.</summary>
[GenerateSerializer, Immutable, Alias("hub.sample-conversation")]
public sealed record SampleConversation(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string Reference,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset WaitingSince,
    [property: Id(5)] IReadOnlyList<ChatMessage> LatestMessages);
