namespace Hub.Grains.Channels;

/// <summary>
/// One channel citizen's way in, keyed by their <see cref="ChannelCitizen.UserId"/>: it takes
/// each message once (the channel's message id), stores it, and passes it on to the citizen's
/// open conversation (starting one when there is none) after answering, so the channel's
/// server hears back at once.
/// </summary>
public interface IChannelCitizenGrain : IGrainWithStringKey
{
    /// <summary>False when the message id was taken already (the channel retried).</summary>
    Task<bool> Receive(ChannelCitizen citizen, string messageId, string text);

    /// <summary>The conversation the citizen's messages go to now; null before the first one was passed on.</summary>
    Task<string?> GetConversationId();
}
