namespace Hub.Grains.Governance.Inspection;

[GenerateSerializer, Alias("hub.indicators-state")]
public sealed class IndicatorsState
{
    /// <summary>The last published post or incident statement.</summary>
    [Id(0)] public DateTimeOffset? LastUpdateAt { get; set; }

    /// <summary>Since when each conversation's citizen has waited for a reply, for conversations whose last word is the citizen's.</summary>
    [Id(1)] public Dictionary<string, DateTimeOffset> WaitingSince { get; set; } = [];

    /// <summary>How long each answered wait lasted, in minutes, the latest <see cref="AccountIndicatorsGrain.KeptResponses"/>.</summary>
    [Id(2)] public List<double> ResponseMinutes { get; set; } = [];

    [Id(3)] public int RatingSum { get; set; }
    [Id(4)] public int Ratings { get; set; }
    [Id(5)] public int ClockBreaches { get; set; }
    [Id(6)] public int ServiceLevelBreaches { get; set; }
    [Id(7)] public int Corrections { get; set; }
    [Id(8)] public int ModerationActions { get; set; }

    /// <summary>What the followers of each inspecting body were last told, so they are told only of changes.</summary>
    [Id(9)] public Dictionary<string, IndicatorHeadline> Told { get; set; } = [];

    /// <summary>The period the live-flags reminder was registered with, so it is registered again only when the setting changes.</summary>
    [Id(10)] public TimeSpan? LiveCheckPeriod { get; set; }
}
