namespace Hub.LoadTests.Feeds;

/// <summary>How a feed hands out its items: one after another, starting over at the end, or drawn at random.</summary>
public enum FeedOrder
{
    Circular,
    Random,
}
