using Hub.Grains.Common;
using Hub.Grains.Questions;

namespace Hub.Grains.PublicEvents;

/// <summary>
/// Who asked: the event's staff (who moderate) and the author themself see the author's id
/// and name; everyone else sees the board's pseudonym for them, never the id or the
/// self-chosen name.
/// </summary>
public sealed partial class PublicEventGrain
{
    private AuthorPseudonyms? _pseudonyms;

    private AuthorPseudonyms Pseudonyms => _pseudonyms ??= new AuthorPseudonyms(State.PseudonymKey!);

    /// <summary>An event opened before boards had pseudonyms gets its key when it is next activated.</summary>
    private async Task KeepPseudonymKey()
    {
        if (State.PseudonymKey is null)
        {
            State.PseudonymKey = AuthorPseudonyms.NewKey();
            await state.WriteOrReload(this);
        }
    }

    /// <summary>Gives the author their number; questions are remembered in the order they were asked, so numbers never move.</summary>
    private void NumberAuthor(QuestionRecord question) => Pseudonyms.Of(question.AuthorId);

    private Question PublicView(QuestionRecord question) => Question.Of(Id, question, Pseudonyms.Of(question.AuthorId), revealAuthor: false);

    private Question FullView(QuestionRecord question) => Question.Of(Id, question, Pseudonyms.Of(question.AuthorId), revealAuthor: true);
}
