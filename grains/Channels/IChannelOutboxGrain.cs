namespace Hub.Grains.Channels;

/// <summary>
/// The agents' replies on their way to one channel citizen, keyed by the citizen's user id.
/// A reply is stored before it is tried, tried again with growing waits, and held back while
/// the channel's reply window is shut, until the citizen writes again.
/// </summary>
public interface IChannelOutboxGrain : IGrainWithStringKey
{
    Task Enqueue(ChannelReply reply);

    /// <summary>The citizen wrote at <paramref name="at"/>: the reply window opens again, and held replies go out.</summary>
    Task CitizenWrote(ChannelCitizen citizen, DateTimeOffset at);

    Task<IReadOnlyList<ChannelReply>> GetReplies();
}
