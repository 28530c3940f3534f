using Hub.Grains.Governance.Inspection;
using Hub.Grains.Common;
using Hub.Grains.Push;
using Hub.Grains.Webhooks;

namespace Hub.Grains.PublicEvents;

/// <summary>Statements: draft, edit, approve (先审后发, review before release) and publish.</summary>
public sealed partial class PublicEventGrain
{
    async Task<Statement> IPublicEventGrain.Draft(Caller press, StatementDraft draft)
    {
        RequirePress(press);
        var text = TextRules.RequireText(draft.Text, "text");
        string? corrects = null;
        string? rumour = null;
        switch (draft.Kind)
        {
            case StatementKinds.Statement:
                break;
            case StatementKinds.Correction:
                var corrected = RequireStatement(draft.CorrectsStatementId);
                if (corrected.Status != StatementStatus.Published)
                {
                    throw RuleViolation.Conflict("only a published statement can be corrected");
                }
                corrects = corrected.StatementId;
                break;
            case StatementKinds.Rebuttal:
                rumour = TextRules.RequireText(draft.Rumour, "rumour");
                break;
            default:
                throw RuleViolation.BadRequest("kind must be statement, correction or rebuttal");
        }
        RequireNotClosed();

        var now = time.GetUtcNow();
        var statement = new Statement(Id, $"s{State.Statements.Count + 1}", draft.Kind, text, StatementStatus.Draft,
            [press.UserId], press.UserId, press.DisplayName, null, null, null, corrects, rumour, now, now);
        State.Statements.Add(statement);
        Audit(press, "drafted", $"{statement.StatementId} ({statement.Kind})");
        await state.WriteOrReload(this);
        await push.ToGroups(PressGroups(), ClientEvents.StatementChanged, statement);
        return statement;
    }

    async Task<Statement> IPublicEventGrain.Edit(Caller press, string statementId, string text)
    {
        RequirePress(press);
        var statement = RequireStatement(statementId);
        text = TextRules.RequireText(text, "text");
        if (statement.Status != StatementStatus.Draft)
        {
            throw RuleViolation.Conflict($"statement {statementId} is {statement.Status} and can no longer be edited");
        }
        var edited = statement with
        {
            Text = text,
            Authors = statement.Authors.Contains(press.UserId) ? statement.Authors : [.. statement.Authors, press.UserId],
            UpdatedAt = time.GetUtcNow(),
        };
        await Store(edited, press, "edited");
        return edited;
    }

    async Task<Statement> IPublicEventGrain.Approve(Caller press, string statementId)
    {
        RequirePress(press);
        var statement = RequireStatement(statementId);
        if (statement.Authors.Contains(press.UserId))
        {
            throw RuleViolation.Forbidden("a statement is approved by a press officer who did not write it");
        }
        if (statement.Status != StatementStatus.Draft)
        {
            throw RuleViolation.Conflict($"statement {statementId} is already {statement.Status}");
        }
        var approved = statement with
        {
            Status = StatementStatus.Approved,
            ApprovedBy = press.UserId,
            ApprovedByName = press.DisplayName,
            UpdatedAt = time.GetUtcNow(),
        };
        await Store(approved, press, "approved");
        return approved;
    }

    async Task<long> IPublicEventGrain.Publish(Caller press, string statementId)
    {
        RequirePress(press);
        var statement = RequireStatement(statementId);
        if (statement.PublishedSeq is { } published)
        {
            return published;
        }
        // Already on the timeline when an earlier attempt stored the update but not the
        // statement's new state: finish that publication rather than publish twice.
        var update = _updates.Find(u => u.StatementId == statementId);
        if (update is null)
        {
            RequireNotClosed();
            if (Severity.RequiresReview(State.Severity) && statement.Status != StatementStatus.Approved)
            {
                throw RuleViolation.Conflict($"grade {State.Severity} statements are published only after review (先审后发)");
            }
            var corrects = statement.CorrectsStatementId is null ? null : RequireStatement(statement.CorrectsStatementId).PublishedSeq;
            update = new EventUpdate(Id, _updates.Count + 1, statement.StatementId, statement.Text, time.GetUtcNow(),
                statement.Kind, statement.CorrectsStatementId, corrects, statement.Rumour);
            if (!await timeline.Append(update))
            {
                _updates = [.. await timeline.Read(Id)];
                throw RuleViolation.Conflict("the timeline moved on meanwhile; publish again");
            }
            _updates.Add(update);
        }

        var met = SatisfyClocks(update.PublishedAt, LegalClock.Information, LegalClock.Response);
        await Store(statement with { Status = StatementStatus.Published, PublishedSeq = update.Seq, UpdatedAt = update.PublishedAt },
            press, "published", $"{statement.StatementId} as update {update.Seq}");
        await push.ToGroups([PushGroups.Followers(Id)], ClientEvents.EventUpdate, update);
        await GrainFactory.ReportIndicator(State.LeadAccountId, IndicatorEvent.Update, update.PublishedAt);
        await AnnounceClocks(met);
        foreach (var accountId in State.AccountIds)
        {
            await GrainFactory.RaiseWebhook(accountId, WebhookEventTypes.StatementPublished, new { State.Title, update });
        }
        return update.Seq;
    }

    Task<IReadOnlyList<Statement>> IPublicEventGrain.GetStatements(Caller press)
    {
        RequirePress(press);
        return Task.FromResult<IReadOnlyList<Statement>>([.. State.Statements]);
    }

    /// <summary>Replaces the statement, audits, persists, and tells the event's press officers.</summary>
    private async Task Store(Statement statement, Caller actor, string action, string? detail = null)
    {
        State.Statements[State.Statements.FindIndex(s => s.StatementId == statement.StatementId)] = statement;
        Audit(actor, action, detail ?? statement.StatementId);
        await state.WriteOrReload(this);
        await push.ToGroups(PressGroups(), ClientEvents.StatementChanged, statement);
    }

    private Statement RequireStatement(string? statementId) =>
        State.Statements.Find(s => s.StatementId == statementId)
        ?? throw RuleViolation.NotFound($"statement '{statementId}' does not exist in this event");
}
