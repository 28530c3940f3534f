namespace Hub.Grains.Common;

/// <summary>The contract's error codes; each maps to one HTTP status and one hub error prefix.</summary>
public enum ErrorCode
{
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    TooLarge,
    RateLimited,
}

public static class ErrorCodes
{
    /// <summary>The prefix a hub error message starts with, as the contract spells it.</summary>
    public static string Prefix(this ErrorCode code) => code switch
    {
        ErrorCode.BadRequest => "bad_request",
        ErrorCode.Unauthorized => "unauthorized",
        ErrorCode.Forbidden => "forbidden",
        ErrorCode.NotFound => "not_found",
        ErrorCode.Conflict => "conflict",
        ErrorCode.TooLarge => "too_large",
        ErrorCode.RateLimited => "rate_limited",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    public static int HttpStatus(this ErrorCode code) => code switch
    {
        ErrorCode.BadRequest => 400,
        ErrorCode.Unauthorized => 401,
        ErrorCode.Forbidden => 403,
        ErrorCode.NotFound => 404,
        ErrorCode.Conflict => 409,
        ErrorCode.TooLarge => 413,
        ErrorCode.RateLimited => 429,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}
