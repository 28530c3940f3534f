namespace Hub.Grains.Governance.Inspection;

/// <summary>What an inspecting body's followers were last told of an account; a change of any part is told again.</summary>
[GenerateSerializer, Immutable, Alias("hub.indicator-headline")]
public sealed record IndicatorHeadline(
    [property: Id(0)] string Flags,
    [property: Id(1)] int UnansweredMessages,
    [property: Id(2)] int DaysSinceUpdate)
{
    public static IndicatorHeadline Of(AccountIndicators indicators) =>
        new(string.Join(',', indicators.Flags), indicators.UnansweredMessages, indicators.DaysSinceUpdate);
}
