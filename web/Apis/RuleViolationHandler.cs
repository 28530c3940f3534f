using Hub.Grains.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Web.Apis;

/// <summary>Answers a broken rule with the contract's status as application/problem+json.</summary>
public sealed class RuleViolationHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RuleViolation violation)
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
