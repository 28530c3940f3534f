using Hub.Grains.Conversations;

namespace Hub.Grains.Tests;

/// <summary>A long conversation's history comes in pages that together hold every message once, in order.</summary>
[Collection(ClusterCollection.Name)]
public sealed class HistoryPageTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture);

    [Fact]
    public async Task A_history_longer_than_a_page_comes_in_pages_of_at_most_500_messages()
    {
        var account = await _given.Account();
        await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, _) = await _given.Start(account, citizen);
        const int sent = HistoryPage.MaxMessages + 20;
        for (var n = 1; n <= sent; n++)
        {
            await conversation.Send(citizen, $"m-{n}", $"第{n}条留言");
        }

        var first = await conversation.GetHistory(citizen, 0);
        var second = await conversation.GetHistory(citizen, first[^1].Seq);

        Assert.Equal(Enumerable.Range(1, HistoryPage.MaxMessages).Select(n => (long)n), first.Select(m => m.Seq));
        Assert.Equal(Enumerable.Range(HistoryPage.MaxMessages + 1, 20).Select(n => (long)n), second.Select(m => m.Seq));
        Assert.Empty(await conversation.GetHistory(citizen, second[^1].Seq));
        var transcript = await conversation.GetTranscript(citizen);
        Assert.Contains($"第{sent}条留言", transcript.Text);
    }

    [Fact]
    public async Task Long_messages_make_shorter_pages_that_stay_within_the_page_size()
    {
        var account = await _given.Account();
        await _given.Agent(account);
        var citizen = Scenario.Citizen();
        var (conversation, _) = await _given.Start(account, citizen);
        var texts = Enumerable.Range(1, 30).Select(n => new string((char)('一' + n), 4000)).ToList();
        for (var n = 0; n < texts.Count; n++)
        {
            await conversation.Send(citizen, $"m-{n}", texts[n]);
        }

        var pages = new List<IReadOnlyList<ChatMessage>>();
        for (long after = 0; await conversation.GetHistory(citizen, after) is { Count: > 0 } page; after = page[^1].Seq)
        {
            pages.Add(page);
        }

        Assert.True(pages.Count > 1, $"{pages.Count} page(s)");
        Assert.All(pages, page => Assert.True(page.Sum(m => m.Text.Length * 6) <= HistoryPage.MaxBytes, $"a page of {page.Count} messages"));
        Assert.Equal(texts, pages.SelectMany(p => p).Select(m => m.Text));
    }
}
