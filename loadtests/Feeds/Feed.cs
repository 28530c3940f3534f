namespace Hub.LoadTests.Feeds;

/// <summary>
/// Texts read from a file that the scenarios send instead of their built-in ones (citizens'
/// names, questions, messages). Safe to draw from many connections at once.
/// </summary>
public sealed class Feed
{
    private readonly IReadOnlyList<string> _items;
    private readonly FeedOrder _order;
    private long _next = -1;

    public Feed(string name, IReadOnlyList<string> items, FeedOrder order)
    {
        if (items.Count == 0)
        {
            throw new FormatException($"the {name} feed has no items");
        }
        _items = items;
        _order = order;
    }

    public string Next() => _order == FeedOrder.Random
        ? _items[Random.Shared.Next(_items.Count)]
        : _items[(int)(Interlocked.Increment(ref _next) % _items.Count)];
}
