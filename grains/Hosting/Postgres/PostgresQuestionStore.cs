using Hub.Grains.Questions;
using Npgsql;
using Orleans.Serialization;

namespace Hub.Grains.Hosting.Postgres;

/// <summary>
/// Questions and votes in PostgreSQL. Votes from every board of this silo are
/// group-committed (see <see cref="BatchWriter{TItem, TResult}"/>): a storm of votes costs a
/// few inserts, and each voter is answered once the insert holding the vote is stored.
/// </summary>
public sealed class PostgresQuestionStore : IQuestionStore, IAsyncDisposable
{
    private const string What = "the question board";

    private const string InsertVotes = """
        INSERT INTO hub_question_votes (event_id, question_id, citizen_id)
        SELECT * FROM unnest(@events::text[], @questions::text[], @citizens::text[])
        ON CONFLICT DO NOTHING
        """;

    private readonly NpgsqlDataSource _database;
    private readonly Serializer _serializer;
    private readonly BatchWriter<(string EventId, string QuestionId, string CitizenId), bool> _votes;

    public PostgresQuestionStore(string connectionString, Serializer serializer)
    {
        _database = NpgsqlDataSource.Create(connectionString);
        _serializer = serializer;
        _votes = new BatchWriter<(string, string, string), bool>("votes", Insert);
    }

    public async Task Save(string eventId, QuestionRecord question)
    {
        await using var command = _database.CreateCommand("""
            INSERT INTO hub_questions (event_id, question_id, record) VALUES (@e, @q, @r)
            ON CONFLICT (event_id, question_id) DO UPDATE SET record = EXCLUDED.record
            """);
        command.Parameters.AddWithValue("e", eventId);
        command.Parameters.AddWithValue("q", question.QuestionId);
        command.Parameters.AddWithValue("r", _serializer.SerializeToArray(question.Copy([])));
        await command.ExecuteNonQueryAsync().AsUnavailable(What);
    }

    public Task AddVotes(string eventId, string questionId, IReadOnlyCollection<string> citizenIds) =>
        Task.WhenAll(citizenIds.Select(citizen => _votes.Write((eventId, questionId, citizen)).AsUnavailable(What)));

    public async Task<IReadOnlyList<QuestionRecord>> Load(string eventId)
    {
        var questions = new Dictionary<string, QuestionRecord>();
        await using (var command = _database.CreateCommand("SELECT record FROM hub_questions WHERE event_id = @e"))
        {
            command.Parameters.AddWithValue("e", eventId);
            await using var reader = await command.ExecuteReaderAsync().AsUnavailable(What);
            while (await reader.ReadAsync())
            {
                var question = _serializer.Deserialize<QuestionRecord>((byte[])reader[0])!;
                questions[question.QuestionId] = question;
            }
        }
        await using (var command = _database.CreateCommand("SELECT question_id, citizen_id FROM hub_question_votes WHERE event_id = @e"))
        {
            command.Parameters.AddWithValue("e", eventId);
            await using var reader = await command.ExecuteReaderAsync().AsUnavailable(What);
            while (await reader.ReadAsync())
            {
                if (questions.TryGetValue(reader.GetString(0), out var question))
                {
                    question.Voters.Add(reader.GetString(1));
                }
            }
        }
        return [.. questions.Values];
    }

    public async ValueTask DisposeAsync()
    {
        await _votes.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<IReadOnlyList<bool>> Insert(IReadOnlyList<(string EventId, string QuestionId, string CitizenId)> votes)
    {
        await using var command = _database.CreateCommand(InsertVotes);
        command.Parameters.AddWithValue("events", votes.Select(v => v.EventId).ToArray());
        command.Parameters.AddWithValue("questions", votes.Select(v => v.QuestionId).ToArray());
        command.Parameters.AddWithValue("citizens", votes.Select(v => v.CitizenId).ToArray());
        await command.ExecuteNonQueryAsync();
        return [.. votes.Select(_ => true)];
    }
}
