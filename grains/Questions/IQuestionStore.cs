namespace Hub.Grains.Questions;

/// <summary>
/// Where a board's questions and votes are kept, each question on its own and each vote on
/// its own, so a vote never rewrites the board.
/// </summary>
public interface IQuestionStore
{
    /// <summary>Stores the question's text, status and answer (its voters go with <see cref="AddVotes"/>).</summary>
    Task Save(string eventId, QuestionRecord question);

    /// <summary>Stores votes for the question; a citizen's second vote for it changes nothing.</summary>
    Task AddVotes(string eventId, string questionId, IReadOnlyCollection<string> citizenIds);

    /// <summary>The event's questions, each with its voters.</summary>
    Task<IReadOnlyList<QuestionRecord>> Load(string eventId);
}
