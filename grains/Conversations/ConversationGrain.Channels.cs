using Hub.Grains.Channels;
using Hub.Grains.Common;

namespace Hub.Grains.Conversations;

public sealed partial class ConversationGrain
{
    /// <summary>
    /// A citizen who came through an outside channel reads the agent's replies there: the
    /// reply is stored in their outbox, which sends it outside this turn.
    /// </summary>
    private Task RelayToChannel(string role, ChatMessage message) =>
        role == Roles.Agent && ChannelCitizen.IsChannelUser(State.CitizenId)
            ? GrainFactory.GetGrain<IChannelOutboxGrain>(State.CitizenId)
                .Enqueue(new ChannelReply(Id, message.Seq, message.SenderId, message.Text, WrittenAt: message.SentAt))
            : Task.CompletedTask;
}
