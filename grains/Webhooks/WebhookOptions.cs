using Hub.Grains.Common;

namespace Hub.Grains.Webhooks;

/// <summary>How webhooks are delivered, bound from <c>Hub:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Hub:Webhooks";

    /// <summary>The wait before the first retry; each later one waits twice as long as the one before.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a delivery is dead-lettered. With the default base, ten attempts span about eight hours.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How often an account with pending deliveries looks for those that are due.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Finished deliveries (delivered or dead) each account keeps for its log.</summary>
    public int LogSize { get; set; } = 200;

    /// <summary>
    /// Whether receivers may sit on loopback, private, link-local or unique-local addresses.
    /// Off by default, so a subscription cannot make the hub call into its own network.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    public bool IsValid => RetryBase > TimeSpan.Zero && MaxAttempts is >= 1 and <= 30 && PollPeriod > TimeSpan.Zero
        && Timeout > TimeSpan.Zero && LogSize >= 1;

    /// <summary>The wait after the given number of failed attempts.</summary>
    public TimeSpan Backoff(int failedAttempts) => OutboxPump.Backoff(RetryBase, failedAttempts);
}
