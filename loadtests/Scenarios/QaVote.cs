using System.Text.Json;
using Hub.LoadTests.Runner;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests.Scenarios;

/// <summary>
/// Citizens upvote approved questions, each citizen going through the board in order so that
/// nobody votes twice for one question. Steps: "vote" (UpvoteQuestion until answered) and
/// "vote-visible" (the count reaching the observing viewers, timed from the vote's start). At
/// the end the event's final counts must equal the votes the hub acknowledged.
/// </summary>
public sealed class QaVote(QaBoard board, bool ownsBoard) : ILoadScenario
{
    public const string Vote = "vote";

    private ScenarioContext _context = null!;
    private int[] _nextQuestion = [];

    public string Name => "qa-vote";

    public async Task Init(ScenarioContext context, CancellationToken cancellationToken)
    {
        _context = context;
        context.Declare(Vote);
        context.Declare(QaBoard.VoteVisible);
        await board.SetUp(context, context, cancellationToken);
        _nextQuestion = new int[board.Voters.Length];
    }

    public async Task Iterate(Iteration iteration, CancellationToken cancellationToken)
    {
        var voter = (int)(iteration.Number % board.Voters.Length);
        var index = Interlocked.Increment(ref _nextQuestion[voter]) - 1;
        if (board.Question(index) is not { } questionId)
        {
            Interlocked.Decrement(ref _nextQuestion[voter]);
            _context.Count(Vote, "no_question_left");
            return;
        }
        var voted = await iteration.Step(Vote, () => board.Voters[voter].InvokeAsync<JsonElement>("UpvoteQuestion",
            board.EventId, questionId, cancellationToken));
        if (voted.IsOk)
        {
            var count = voted.Value.GetProperty("votes").GetInt32();
            var answeredAt = _context.Now();
            foreach (var seenAt in board.Tally(questionId).Acknowledge(count, iteration.IntendedStart))
            {
                // A viewer saw this count before the voter had its answer.
                _context.Measurements.Record(Name, QaBoard.VoteVisible, iteration.IntendedStart,
                    _context.Clock.GetElapsedTime(iteration.IntendedStart, Math.Min(seenAt, answeredAt)));
            }
        }
    }

    /// <summary>Waits for the coalesced counts to reach the observers, then compares the event's counts with the acknowledged votes.</summary>
    public async Task Finish(CancellationToken cancellationToken)
    {
        await Drain.Until(() => board.ObserversBehind() == 0, _context.Clock, cancellationToken);
        _context.Count(QaBoard.VoteVisible, "stale_observers", board.ObserversBehind());
        var snapshot = await board.Client.GetEvent(board.EventId);
        var final = snapshot.GetProperty("questions").EnumerateArray()
            .ToDictionary(q => q.GetProperty("questionId").GetString()!, q => q.GetProperty("votes").GetInt32());
        var lost = board.Tallies.Sum(t => Math.Max(0, t.Value.Acknowledged - final.GetValueOrDefault(t.Key)));
        _context.Count(Vote, "lost", lost);
    }

    public ValueTask DisposeAsync() => ownsBoard ? board.DisposeAsync() : ValueTask.CompletedTask;
}
