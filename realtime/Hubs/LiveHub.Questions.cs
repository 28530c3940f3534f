using Hub.Grains.Limits;
using Hub.Grains.PublicEvents;
using Hub.Grains.Questions;

namespace Hub.Realtime.Hubs;

public sealed partial class LiveHub
{
    public sealed record QuestionAsked(string QuestionId, string Status);

    public sealed record VoteCounted(int Votes);

    /// <summary>Asks a question in a live session; idempotent on the client question id.</summary>
    /// <roles>citizen</roles>
    public async Task<QuestionAsked> AskQuestion(string eventId, string clientQuestionId, string text)
    {
        var (caller, publicEvent) = (Caller, PublicEvent(eventId));
        await Take(caller, UserAction.Question);
        var question = await publicEvent.Ask(caller, clientQuestionId, text);
        return new QuestionAsked(question.QuestionId, question.Status);
    }

    /// <summary>One vote per citizen per question; answers the count.</summary>
    /// <roles>citizen</roles>
    public async Task<VoteCounted> UpvoteQuestion(string eventId, string questionId)
    {
        var (caller, publicEvent) = (Caller, PublicEvent(eventId));
        await Take(caller, UserAction.Vote);
        return new(await publicEvent.Upvote(caller, questionId));
    }

    /// <summary>Approves or rejects a pending question.</summary>
    /// <roles>moderator, press</roles>
    public Task<Question> ModerateQuestion(string eventId, string questionId, string decision) =>
        PublicEvent(eventId).Moderate(Caller, questionId, decision, null);

    /// <summary>ModerateQuestion with the reason kept in the moderation log (and told to a rejected author).</summary>
    /// <roles>moderator, press</roles>
    public Task<Question> ModerateQuestionWithReason(string eventId, string questionId, string decision, string? reason) =>
        PublicEvent(eventId).Moderate(Caller, questionId, decision, reason);

    /// <summary>Answers a question; followers see the answer.</summary>
    /// <roles>press, moderator</roles>
    public Task<Question> AnswerQuestion(string eventId, string questionId, string text) =>
        PublicEvent(eventId).Answer(Caller, questionId, text);

    /// <summary>Merges a question into a similar one; their votes are added.</summary>
    /// <roles>moderator, press</roles>
    public Task<Question> MergeQuestions(string eventId, string questionId, string intoQuestionId) =>
        PublicEvent(eventId).Merge(Caller, questionId, intoQuestionId);

    /// <summary>Pins a question on the board, or unpins with null.</summary>
    /// <roles>moderator, press</roles>
    public Task PinQuestion(string eventId, string? questionId) =>
        PublicEvent(eventId).Pin(Caller, questionId);

    /// <summary>The questions waiting for moderation and the public board, with their authors.</summary>
    /// <roles>moderator, press, inspector</roles>
    public Task<ModerationQueue> GetModerationQueue(string eventId) =>
        PublicEvent(eventId).GetModerationQueue(Caller);

    /// <summary>The caller's own questions in the event, any status.</summary>
    /// <roles>anyone signed in (their own questions)</roles>
    public Task<IReadOnlyList<Question>> GetMyQuestions(string eventId) =>
        PublicEvent(eventId).GetMyQuestions(Caller);
}
