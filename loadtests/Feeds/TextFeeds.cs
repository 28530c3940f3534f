using Hub.LoadTests.CommandLine;

namespace Hub.LoadTests.Feeds;

/// <summary>
/// The feeds a run was given (--feed names=FILE, questions=FILE, messages=FILE): each scenario
/// that sends text asks here and gets the feed's next item, or its built-in text without one.
/// </summary>
public sealed class TextFeeds(Feed? names, Feed? questions, Feed? messages)
{
    public const string Names = "names";
    public const string Questions = "questions";
    public const string Messages = "messages";

    public static readonly TextFeeds BuiltIn = new(null, null, null);

    public static readonly IReadOnlyList<string> Kinds = [Names, Questions, Messages];

    public string Name(string builtIn) => names?.Next() ?? builtIn;

    public string Question(string builtIn) => questions?.Next() ?? builtIn;

    public string Message(string builtIn) => messages?.Next() ?? builtIn;

    public static TextFeeds From(Arguments arguments)
    {
        var order = arguments.Value("--feed-order") switch
        {
            null or "circular" => FeedOrder.Circular,
            "random" => FeedOrder.Random,
            var other => throw new FormatException($"--feed-order is circular or random, not '{other}'"),
        };
        var feeds = new Dictionary<string, Feed>(StringComparer.Ordinal);
        foreach (var given in arguments.All("--feed"))
        {
            var equals = given.IndexOf('=');
            var kind = equals > 0 ? given[..equals] : "";
            if (!Kinds.Contains(kind))
            {
                throw new FormatException($"--feed takes KIND=FILE with KIND one of {string.Join(", ", Kinds)}, not '{given}'");
            }
            if (!feeds.TryAdd(kind, new Feed(kind, FeedFile.Read(given[(equals + 1)..]), order)))
            {
                throw new FormatException($"the {kind} feed is given twice");
            }
        }
        return new TextFeeds(feeds.GetValueOrDefault(Names), feeds.GetValueOrDefault(Questions), feeds.GetValueOrDefault(Messages));
    }
}
