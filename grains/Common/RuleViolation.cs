namespace Hub.Grains.Common;

/// <summary>
/// A call broke one of the hub's rules. Grains throw it before changing any state, so a
/// refused call changes nothing; hosts turn it into a hub error or a problem+json answer.
/// </summary>
[GenerateSerializer, Alias("hub.rule-violation")]
public sealed class RuleViolation : Exception
{
    public RuleViolation(HubErrorCode code, string message) : base(message) => Code = code;

    [Id(0)]
    public HubErrorCode Code { get; private set; }

    /// <summary>For rate_limited: when the same call may succeed.</summary>
    [Id(1)]
    public TimeSpan? RetryAfter { get; private set; }

    public static RuleViolation BadRequest(string message) => new(HubErrorCode.BadRequest, message);
    public static RuleViolation Unauthorized(string message) => new(HubErrorCode.Unauthorized, message);
    public static RuleViolation Forbidden(string message) => new(HubErrorCode.Forbidden, message);
    public static RuleViolation NotFound(string message) => new(HubErrorCode.NotFound, message);
    public static RuleViolation Conflict(string message) => new(HubErrorCode.Conflict, message);
    public static RuleViolation TooLarge(string message) => new(HubErrorCode.TooLarge, message);
    public static RuleViolation RateLimited(string message, TimeSpan? retryAfter = null) =>
        new(HubErrorCode.RateLimited, message) { RetryAfter = retryAfter };
    public static RuleViolation Unavailable(string message) => new(HubErrorCode.Unavailable, message);
}
