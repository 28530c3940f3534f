using Hub.LoadTests.CommandLine;
using Hub.LoadTests.Contract;
using Hub.LoadTests.Feeds;
using Hub.LoadTests.Floor;
using Hub.LoadTests.Runner;
using Hub.LoadTests.Simulations;

namespace Hub.LoadTests.Scenarios;

/// <summary>The scenarios the command line runs, with their options and default loads.</summary>
public static class ScenarioCatalog
{
    public static readonly IReadOnlyList<ScenarioDefinition> All =
    [
        new("citizen-chat", "citizens chat with echoing agents; default load: keep-constant one copy per citizen",
            [
                new("--citizens", "N", "citizens, each with a conversation (default 20)"),
                new("--agents", "N", "agents (default: citizens / 5, the default agent capacity)"),
                new("--message-bytes", "N", "message length (default 100)"),
                new(HubProtocols.Option, "json|messagepack", "the hub protocol of every client, and of the floor with --calibrate (default json)"),
            ],
            CitizenChatPlan),
        new("incident-fanout", "a press officer publishes to the followers of one incident; default load: inject 2 per second",
            [
                new("--followers", "N", "anonymous followers (default 100)"),
                new("--severity", "3|4", "incident grade; 3 and 4 publish drafts directly (default 4)"),
                new("--statement-bytes", "N", "statement length (default 200)"),
            ],
            IncidentFanoutPlan),
        new("qa-storm", "citizens ask and upvote on one live event watched by viewers; the load (--rate, --load) is the votes",
            [
                new("--viewers", "N", "anonymous viewers (default 100)"),
                new("--observers", "N", "viewers that time vote visibility (default 20)"),
                new("--askers", "N", "citizens who ask; each starts with one approved question (default 10)"),
                new("--questions", "N", "approved questions the askers start with, shared among them (default: one per asker); a voter votes once per question"),
                new("--voters", "N", "citizens who vote (default: three per vote per second, at least 10)"),
                new("--votes-rate", "R", "votes per second when neither --rate nor --load is given (default 10)"),
                new("--ask-rate", "R", "questions per second, each approved at once (default 0.5)"),
                new(QaStormOptions.FollowOption, "board|event", "how viewers follow: FollowEventBoard, one votesChanged frame per period as the pages do, or FollowEvent, a questionUpdated per changed question (default board)"),
            ],
            QaStormPlan),
        new("reconnect-storm", "all clients drop and reconnect at once, then catch up; default load: one storm every 10 s",
            [
                new("--clients", "N", "clients, half following an incident, half citizens in a conversation (default 100)"),
                new("--storm-every", "DURATION", "time between storms (default 10s)"),
            ],
            ReconnectStormPlan),
        new("connections", "opens anonymous connections at the load's rate (default 100 a second) and holds them; reports connect latency, failures by cause and the hub's memory per connection",
            [
                new("--connections", "N", "connections to open and hold, shared among agents (default 1000)"),
                new("--metrics", "URL", "the hub's metrics on its metrics port (default: /metrics on --target with the admin's token)"),
            ],
            ConnectionsPlan),
        new("mixed", "all of the above at once; --copies, --rate and --load do not apply",
            [
                new("--citizens", "N", "chatting citizens (default 20)"),
                new("--followers", "N", "incident followers (default 200)"),
                new("--publish-rate", "R", "incident updates per second (default 1)"),
                new("--viewers", "N", "Q&A viewers (default 100)"),
                new("--voters", "N", "Q&A voters (default 30)"),
                new("--votes-rate", "R", "votes per second (default 10)"),
                new("--clients", "N", "reconnecting clients (default 50)"),
                new("--storm-every", "DURATION", "time between reconnect storms (default 15s)"),
            ],
            MixedPlan),
    ];

    public static ScenarioDefinition? Find(string name) => All.FirstOrDefault(d => d.Name == name);

    private static ScenarioPlan CitizenChatPlan(Arguments arguments, HubTarget target, LoadShape shape)
    {
        var citizens = arguments.Int("--citizens", 20);
        var options = new CitizenChatOptions(citizens, arguments.Int("--agents", CitizenChatOptions.AgentsFor(citizens)),
            arguments.Int("--message-bytes", 100), HubProtocols.Parse(arguments.Value(HubProtocols.Option)));
        var load = shape.Or([new KeepConstant(citizens, shape.Duration)]);
        return new ScenarioPlan([new ScenarioRun(new CitizenChat(target, options, TextFeeds.From(arguments)), load)],
            floor => new ScenarioRun(new FloorEcho(floor, citizens, options.MessageBytes, options.Protocol), load),
            [("citizen-chat.send", "floor-echo.echo")]);
    }

    private static ScenarioPlan IncidentFanoutPlan(Arguments arguments, HubTarget target, LoadShape shape)
    {
        var options = new IncidentFanoutOptions(arguments.Int("--followers", 100), arguments.Int("--severity", 4),
            arguments.Int("--statement-bytes", 200));
        var load = shape.Or([new Inject(2, TimeSpan.FromSeconds(1), shape.Duration)]);
        return new ScenarioPlan([new ScenarioRun(new IncidentFanout(target, options), load)],
            floor => new ScenarioRun(new FloorFanout(floor, options.Followers, options.StatementBytes), load),
            [("incident-fanout.update-delivery", "floor-fanout.delivery"), ("incident-fanout.publish", "floor-fanout.publish")]);
    }

    private static ScenarioPlan QaStormPlan(Arguments arguments, HubTarget target, LoadShape shape)
    {
        var votesRate = shape.Rate ?? arguments.Number("--votes-rate", 10);
        var options = new QaStormOptions(arguments.Int("--viewers", 100), arguments.Int("--askers", 10),
            arguments.Int("--voters", Math.Max(10, (int)Math.Ceiling(3 * votesRate))), arguments.Int("--observers", 20),
            arguments.Value("--questions") is null ? null : arguments.Int("--questions", 0),
            QaStormOptions.ParsePerQuestionVotes(arguments.Value(QaStormOptions.FollowOption)));
        var board = new QaBoard(target, options, TextFeeds.From(arguments));
        var votes = shape.Or([new Inject(votesRate, TimeSpan.FromSeconds(1), shape.Duration)]);
        var asks = new Inject(arguments.Number("--ask-rate", 0.5), TimeSpan.FromSeconds(1), shape.Duration);
        return new ScenarioPlan(
            [new ScenarioRun(new QaAsk(board, ownsBoard: false), [asks]), new ScenarioRun(new QaVote(board, ownsBoard: true), votes)],
            floor => new ScenarioRun(new FloorEcho(floor, options.Voters, 64), votes),
            [("qa-vote.vote", "floor-echo.echo")]);
    }

    private static ScenarioPlan ReconnectStormPlan(Arguments arguments, HubTarget target, LoadShape shape)
    {
        var every = arguments.Duration("--storm-every", TimeSpan.FromSeconds(10));
        var load = shape.Or([new Inject(1, every, shape.Duration)]);
        return new ScenarioPlan([new ScenarioRun(new ReconnectStorm(target, new ReconnectStormOptions(arguments.Int("--clients", 100)), TextFeeds.From(arguments)), load)],
            null, []);
    }

    private static ScenarioPlan ConnectionsPlan(Arguments arguments, HubTarget target, LoadShape shape)
    {
        var options = new HeldConnectionsOptions(shape.Share.Of(arguments.Int("--connections", 1000)),
            arguments.Value("--metrics") is { } metrics ? new Uri(metrics) : null);
        return new ScenarioPlan([new ScenarioRun(new HeldConnections(target, options), shape.Or([new Inject(100, TimeSpan.FromSeconds(1), shape.Duration)]))],
            null, []);
    }

    private static ScenarioPlan MixedPlan(Arguments arguments, HubTarget target, LoadShape shape)
    {
        var during = shape.Duration;
        var second = TimeSpan.FromSeconds(1);
        var citizens = arguments.Int("--citizens", 20);
        var texts = TextFeeds.From(arguments);
        var chatLoad = new LoadSimulation[] { new KeepConstant(citizens, during) };
        var votesRate = arguments.Number("--votes-rate", 10);
        var board = new QaBoard(target, new QaStormOptions(arguments.Int("--viewers", 100), 10, arguments.Int("--voters", 30), 20), texts);
        ScenarioRun[] runs =
        [
            new(new CitizenChat(target, new CitizenChatOptions(citizens, CitizenChatOptions.AgentsFor(citizens), 100), texts), chatLoad),
            new(new IncidentFanout(target, new IncidentFanoutOptions(arguments.Int("--followers", 200), 4, 200)),
                [new Inject(arguments.Number("--publish-rate", 1), second, during)]),
            new(new QaAsk(board, ownsBoard: false), [new Inject(0.5, second, during)]),
            new(new QaVote(board, ownsBoard: true), [new Inject(votesRate, second, during)]),
            new(new ReconnectStorm(target, new ReconnectStormOptions(arguments.Int("--clients", 50)), texts),
                [new Inject(1, arguments.Duration("--storm-every", TimeSpan.FromSeconds(15)), during)]),
        ];
        return new ScenarioPlan(runs,
            floor => new ScenarioRun(new FloorEcho(floor, citizens, 100), chatLoad),
            [("citizen-chat.send", "floor-echo.echo")]);
    }
}
