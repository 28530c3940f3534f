using Hub.Grains.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Apis;

/// <summary>
/// Answers a broken rule with the contract's status as application/problem+json, and an
/// unreachable database with 503, so a client knows to try again.
/// </summary>
public sealed class RuleViolationHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var violation = exception as RuleViolation
            ?? (StorageFailure.IsCause(exception) ? RuleViolation.Unavailable("storage is unreachable; try again") : null);
        if (violation is null)
        {
            return false;
        }
        http.Response.StatusCode = violation.Code.HttpStatus();
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
}
