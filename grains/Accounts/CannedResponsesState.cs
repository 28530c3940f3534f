namespace Hub.Grains.Accounts;

[GenerateSerializer, Alias("hub.canned-responses-state")]
public sealed class CannedResponsesState
{
    [Id(0)] public List<CannedResponse> Responses { get; set; } = [];

    /// <summary>The number in the last response id given out; ids are never reused, so a deleted one cannot be edited by mistake.</summary>
    [Id(1)] public int LastNumber { get; set; }
}
