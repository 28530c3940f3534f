using System.Text;
using System.Text.Json;
using Hub.LoadTests.CommandLine;
using Hub.LoadTests.Feeds;

namespace Hub.LoadTests.Tests;

/// <summary>Scenarios send the names, questions and messages of CSV or JSON feeds, in circular or random order.</summary>
[Collection(LoadTestNodeCollection.Name)]
public sealed class FeedTests(LoadTestNode node) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hub-load-feeds-").FullName;

    [Fact]
    public void A_csv_feed_takes_its_text_column_with_quoted_commas_and_line_breaks()
    {
        var path = Write("questions.csv", "id,text\n1,\"When, exactly, does the road reopen?\"\n2,\"Two\nlines\"\n3,\n");

        Assert.Equal(["When, exactly, does the road reopen?", "Two\nlines"], FeedFile.Read(path));
    }

    [Fact]
    public void A_json_feed_is_an_array_of_strings_or_of_objects_with_a_text()
    {
        Assert.Equal(["Ana", "Bo"], FeedFile.Read(Write("names.json", """["Ana", "Bo"]""")));
        Assert.Equal(["Ana", "Bo"], FeedFile.Read(Write("objects.json", """[{"text": "Ana"}, {"text": "Bo", "age": 3}]""")));
        Assert.Throws<FormatException>(() => FeedFile.Read(Write("numbers.json", "[1, 2]")));
        Assert.Throws<FormatException>(() => FeedFile.Read(Write("broken.json", "[\"Ana\"")));
    }

    [Fact]
    public void A_circular_feed_starts_over_and_a_random_one_draws_only_its_items()
    {
        var circular = new Feed("names", ["a", "b", "c"], FeedOrder.Circular);
        var random = new Feed("names", ["a", "b", "c"], FeedOrder.Random);

        Assert.Equal(["a", "b", "c", "a", "b"], Enumerable.Range(0, 5).Select(_ => circular.Next()));
        var drawn = Enumerable.Range(0, 300).Select(_ => random.Next()).ToHashSet();
        Assert.Equal(["a", "b", "c"], drawn.Order());
    }

    [Fact]
    public void Feeds_come_from_the_command_line_and_a_wrong_one_is_refused_with_the_reason()
    {
        var names = Write("names.csv", "name\nAna\nBo\n");

        var texts = TextFeeds.From(Arguments.Parse(["citizen-chat", "--feed", $"names={names}"]));

        Assert.Equal("Ana", texts.Name("built-in"));
        Assert.Equal("Seed?", texts.Question("Seed?"));
        Assert.Contains("KIND=FILE", Assert.Throws<FormatException>(() => TextFeeds.From(Arguments.Parse(["x", "--feed", $"pets={names}"]))).Message);
        Assert.Contains("no feed file", Assert.Throws<FormatException>(() => TextFeeds.From(Arguments.Parse(["x", "--feed", "names=missing.csv"]))).Message);
        Assert.Contains("no items", Assert.Throws<FormatException>(() => TextFeeds.From(Arguments.Parse(["x", "--feed", $"names={Write("empty.csv", "name\n")}"]))).Message);
        Assert.Throws<FormatException>(() => TextFeeds.From(Arguments.Parse(["x", "--feed-order", "sideways"])));
    }

    [Fact]
    public async Task Citizen_chat_sends_the_messages_of_its_feed_as_citizens_named_by_another()
    {
        const string message = "你好, when does the office open?";
        var messages = Write("messages.json", JsonSerializer.Serialize(new[] { message }));
        var names = Write("names.csv", "name\nLi Wei\nAna Costa\n");
        var reports = Path.Combine(_directory, "reports");

        var exitCode = await LoadTestCommand.Run(
            ["citizen-chat", .. node.TargetArgs, "--citizens", "2", "--duration", "1s", "--warmup", "0s", "--plain", "--report-dir", reports,
             "--feed", $"messages={messages}", "--feed", $"names={names}", "--feed-order", "random", "--threshold", "fail=0", "--threshold", "lost=0"],
            CancellationToken.None);

        Assert.Equal(ExitCodes.Passed, exitCode);
        var report = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(reports, "*.json").Single())).RootElement;
        var send = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "send");
        Assert.True(send.GetProperty("ok").GetInt64() > 0);
        // The data counted for each acknowledged send is the feed's message, not the built-in text.
        Assert.Equal(send.GetProperty("ok").GetInt64() * Encoding.UTF8.GetByteCount(message), send.GetProperty("bytes").GetInt64());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
