using System.Text.Json;
using Hub.LoadTests.Runner;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests.Scenarios;

/// <summary>
/// Citizens ask questions on the live event and the moderator approves each one, which puts
/// it on the board for the voters. Steps: "ask" and "approve".
/// </summary>
public sealed class QaAsk(QaBoard board, bool ownsBoard) : ILoadScenario
{
    public const string Ask = "ask";
    public const string Approve = "approve";

    public string Name => "qa-ask";

    public async Task Init(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Declare(Ask);
        context.Declare(Approve);
        await board.SetUp(context, null, cancellationToken);
    }

    public async Task Iterate(Iteration iteration, CancellationToken cancellationToken)
    {
        var asker = board.Askers[iteration.Number % board.Askers.Length];
        var asked = await iteration.Step(Ask, () => asker.InvokeAsync<JsonElement>("AskQuestion",
            board.EventId, $"q-{Guid.NewGuid():N}", board.Texts.Question($"Question {iteration.Number} about the live session?"), cancellationToken));
        if (!asked.IsOk)
        {
            return;
        }
        var questionId = asked.Value.GetProperty("questionId").GetString()!;
        var moderated = await iteration.Step(Approve, () => board.Moderator.InvokeAsync<JsonElement>("ModerateQuestion",
            board.EventId, questionId, "approve", cancellationToken));
        if (moderated.IsOk)
        {
            board.Approved(questionId);
        }
    }

    public Task Finish(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ownsBoard ? board.DisposeAsync() : ValueTask.CompletedTask;
}
