namespace Hub.Grains.Common;

/// <summary>Rules for the names people choose, bound from <c>Hub:Identity</c>.</summary>
public sealed class DisplayNameOptions
{
    public const string Section = "Hub:Identity";

    /// <summary>
    /// Words a citizen's name may not contain, so that nobody passes for an official body or
    /// the hub's own staff. Setting the list replaces the default one.
    /// </summary>
    public IReadOnlyList<string>? ReservedCitizenNames { get; set; }

    public IReadOnlyList<string> Reserved => ReservedCitizenNames ?? DefaultReservedCitizenNames;

    public static readonly IReadOnlyList<string> DefaultReservedCitizenNames =
    [
        "官方", "政府", "人民政府", "新闻办", "网信办", "客服", "管理员", "公安", "警察", "法院", "检察院", "政务", "发言人", "主持人", "版主",
        "official", "admin", "administrator", "government", "moderator", "police", "staff", "support", "spokesperson",
    ];
}
