namespace Hub.Grains.Channels;

/// <summary>
/// What the hub needs from an outside channel to answer its citizens: delivering an agent's
/// text to one of them. Incoming messages arrive through the channel's own endpoint, which
/// hands them to <see cref="IChannelCitizenGrain"/>; everything after that (conversations,
/// routing, the outbox, retries) is the same for every channel. Register one implementation
/// per channel in the silo's services.
/// </summary>
public interface IChannelAdapter
{
    /// <summary>The channel's name, as in <see cref="ChannelCitizen.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>How long after the citizen's last message the channel still lets the account write to them; null when it always does.</summary>
    TimeSpan? ReplyWindow { get; }

    Task<ChannelDeliveryResult> Deliver(ChannelCitizen to, string text, CancellationToken cancellation);
}

/// <summary>How one delivery attempt ended; a failure that is not <see cref="Retry"/> is given up at once.</summary>
public sealed record ChannelDeliveryResult(bool Delivered, bool Retry, string? Error)
{
    public static readonly ChannelDeliveryResult Done = new(true, false, null);

    public static ChannelDeliveryResult TryAgain(string error) => new(false, true, error);

    public static ChannelDeliveryResult GiveUp(string error) => new(false, false, error);
}
