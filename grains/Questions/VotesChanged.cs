namespace Hub.Grains.Questions;

/// <summary>
/// The board's changed vote counts of one period, by question id: one frame for every question
/// voted on since the last, where the contract's followers get one <c>questionUpdated</c> each.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.votes-changed")]
public sealed record VotesChanged(
    [property: Id(0)] string EventId,
    [property: Id(1)] IReadOnlyDictionary<string, int> Votes);
