using System.Text.Json;
using Hub.Grains.Common;
using Hub.Realtime.Errors;
using Hub.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Apis;

/// <summary>
/// Answers a broken rule with the contract's status as application/problem+json, a body that
/// cannot be read with 400, and an unreachable database or silo with 503, so a client knows to
/// try again. Anything else is left to the framework: a 500, logged once.
/// </summary>
public sealed class RuleViolationHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var violation = exception is BadHttpRequestException unreadable ? Unreadable(unreadable) : CallFailure.AsRuleViolation(exception);
        if (violation is null)
        {
            return false;
        }
        http.Response.StatusCode = violation.Code.HttpStatus();
        if (violation.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))}";
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = violation.Code.HttpStatus(),
                Title = violation.Code.Prefix(),
                Detail = violation.Message,
            },
        });
    }

    /// <summary>Our own short words: the framework's message may quote the body back.</summary>
    private static RuleViolation Unreadable(BadHttpRequestException unreadable) => unreadable switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            RuleViolation.TooLarge($"the body is larger than {ApiExtensions.MaxRequestBodyBytes} bytes"),
        { InnerException: JsonException } =>
            RuleViolation.BadRequest("the body is not JSON of the expected shape"),
        _ => RuleViolation.BadRequest("the request could not be read; this call takes a JSON body"),
    };
}
