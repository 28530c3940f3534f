using System.Collections.Concurrent;

namespace Hub.Grains.Questions;

/// <summary>The question store of the embedded default: one process, kept in memory, as copies.</summary>
public sealed class InMemoryQuestionStore : IQuestionStore
{
    private readonly ConcurrentDictionary<string, Dictionary<string, QuestionRecord>> _events = new();

    public Task Save(string eventId, QuestionRecord question)
    {
        var questions = _events.GetOrAdd(eventId, _ => []);
        lock (questions)
        {
            var voters = questions.TryGetValue(question.QuestionId, out var stored) ? stored.Voters : [];
            questions[question.QuestionId] = question.Copy(voters);
        }
        return Task.CompletedTask;
    }

    public Task AddVotes(string eventId, string questionId, IReadOnlyCollection<string> citizenIds)
    {
        var questions = _events.GetOrAdd(eventId, _ => []);
        lock (questions)
        {
            questions[questionId].Voters.UnionWith(citizenIds);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QuestionRecord>> Load(string eventId)
    {
        if (!_events.TryGetValue(eventId, out var questions))
        {
            return Task.FromResult<IReadOnlyList<QuestionRecord>>([]);
        }
        lock (questions)
        {
            return Task.FromResult<IReadOnlyList<QuestionRecord>>([.. questions.Values.Select(q => q.Copy([.. q.Voters]))]);
        }
    }
}
