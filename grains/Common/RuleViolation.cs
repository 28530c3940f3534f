namespace Hub.Grains.Common;

/// <summary>
/// A call broke one of the hub's rules. Grains throw it before changing any state, so a
/// refused call changes nothing; hosts turn it into a hub error or a problem+json answer.
/// </summary>
[GenerateSerializer, Alias("hub.rule-violation")]
public sealed class RuleViolation : Exception
{
    public RuleViolation(ErrorCode code, string message) : base(message) => Code = code;

    [Id(0)]
    public ErrorCode Code { get; private set; }

    public static RuleViolation BadRequest(string message) => new(ErrorCode.BadRequest, message);
    public static RuleViolation Unauthorized(string message) => new(ErrorCode.Unauthorized, message);
    public static RuleViolation Forbidden(string message) => new(ErrorCode.Forbidden, message);
    public static RuleViolation NotFound(string message) => new(ErrorCode.NotFound, message);
    public static RuleViolation Conflict(string message) => new(ErrorCode.Conflict, message);
    public static RuleViolation TooLarge(string message) => new(ErrorCode.TooLarge, message);
    public static RuleViolation RateLimited(string message) => new(ErrorCode.RateLimited, message);
}
