using Hub.Grains.Limits;

namespace Hub.Web.Auth.ApiKeys;

/// <summary>Service accounts' limits, bound from <c>Hub:ApiKeys</c>.</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "Hub:ApiKeys";

    /// <summary>REST requests one key may make, on each web node.</summary>
    public RateLimit Requests { get; set; } = new() { Permits = 600, Window = TimeSpan.FromMinutes(1) };
}
