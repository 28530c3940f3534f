using Hub.Grains.Limits;
using Hub.Grains.PublicEvents;
using Hub.Grains.Questions;

namespace Hub.Realtime.Hubs;

public sealed partial class LiveHub
{
    public sealed record QuestionAsked(string QuestionId, string Status);

    public sealed record VoteCounted(int Votes);

    public async Task<QuestionAsked> AskQuestion(string eventId, string clientQuestionId, string text)
    {
        var (caller, publicEvent) = (Caller, PublicEvent(eventId));
        await Take(caller, UserAction.Question);
        var question = await publicEvent.Ask(caller, clientQuestionId, text);
        return new QuestionAsked(question.QuestionId, question.Status);
    }

    public async Task<VoteCounted> UpvoteQuestion(string eventId, string questionId)
    {
        var (caller, publicEvent) = (Caller, PublicEvent(eventId));
        await Take(caller, UserAction.Vote);
        return new(await publicEvent.Upvote(caller, questionId));
    }

    public Task<Question> ModerateQuestion(string eventId, string questionId, string decision) =>
        PublicEvent(eventId).Moderate(Caller, questionId, decision, null);

    /// <summary>ModerateQuestion with the reason kept in the moderation log (and told to a rejected author).</summary>
    public Task<Question> ModerateQuestionWithReason(string eventId, string questionId, string decision, string? reason) =>
        PublicEvent(eventId).Moderate(Caller, questionId, decision, reason);

    public Task<Question> AnswerQuestion(string eventId, string questionId, string text) =>
        PublicEvent(eventId).Answer(Caller, questionId, text);

    public Task<Question> MergeQuestions(string eventId, string questionId, string intoQuestionId) =>
        PublicEvent(eventId).Merge(Caller, questionId, intoQuestionId);

    public Task PinQuestion(string eventId, string? questionId) =>
        PublicEvent(eventId).Pin(Caller, questionId);

    public Task<ModerationQueue> GetModerationQueue(string eventId) =>
        PublicEvent(eventId).GetModerationQueue(Caller);

    public Task<IReadOnlyList<Question>> GetMyQuestions(string eventId) =>
        PublicEvent(eventId).GetMyQuestions(Caller);
}
