namespace Hub.Grains.Common;

/// <summary>The contract's error codes; each maps to one HTTP status and one hub error prefix.</summary>
public enum HubErrorCode
{
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    TooLarge,
    RateLimited,

    /// <summary>Not in the contract's list: storage could not be reached; the same call may succeed later.</summary>
    Unavailable,
}

public static class HubErrorCodes
{
    /// <summary>The prefix a hub error message starts with, as the contract spells it.</summary>
    public static string Prefix(this HubErrorCode code) => code switch
    {
        HubErrorCode.BadRequest => "bad_request",
        HubErrorCode.Unauthorized => "unauthorized",
        HubErrorCode.Forbidden => "forbidden",
        HubErrorCode.NotFound => "not_found",
        HubErrorCode.Conflict => "conflict",
        HubErrorCode.TooLarge => "too_large",
        HubErrorCode.RateLimited => "rate_limited",
        HubErrorCode.Unavailable => "unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    public static int HttpStatus(this HubErrorCode code) => code switch
    {
        HubErrorCode.BadRequest => 400,
        HubErrorCode.Unauthorized => 401,
        HubErrorCode.Forbidden => 403,
        HubErrorCode.NotFound => 404,
        HubErrorCode.Conflict => 409,
        HubErrorCode.TooLarge => 413,
        HubErrorCode.RateLimited => 429,
        HubErrorCode.Unavailable => 503,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}
