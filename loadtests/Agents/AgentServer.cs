using System.Text.Json;
using Hub.LoadTests.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hub.LoadTests.Agents;

/// <summary>
/// Serves <c>POST /run</c>: the coordinator posts an <see cref="AgentRequest"/> and the answer,
/// once the share has run, is the <see cref="AgentResult"/> (JSON). One run at a time; a wrong
/// command line is a 400 problem, a run that could not be made a 500 one, a missing or wrong
/// secret a 401.
/// </summary>
public static class AgentServer
{
    public const string ReadyLine = "Load agent listening at ";
    public const string RunPath = "/run";

    public static async Task<WebApplication> Start(Uri address, string? secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(address.ToString());
        var app = builder.Build();
        var oneAtATime = new SemaphoreSlim(1, 1);
        app.MapPost(RunPath, async (HttpContext http) =>
        {
            if (secret is not null && !AgentSecret.Matches(http.Request.Headers.Authorization, secret))
            {
                return Results.Problem("the agent's secret is missing or wrong", statusCode: StatusCodes.Status401Unauthorized);
            }
            if (!await oneAtATime.WaitAsync(TimeSpan.Zero))
            {
                return Results.Problem("the agent is running another share", statusCode: StatusCodes.Status409Conflict);
            }
            try
            {
                var request = await JsonSerializer.DeserializeAsync<AgentRequest>(http.Request.Body, JsonReport.Options, http.RequestAborted)
                    ?? throw new FormatException("no run was asked for");
                var result = await AgentRun.Run(request, http.RequestAborted);
                return Results.Json(result, JsonReport.Options);
            }
            catch (Exception error) when (error is FormatException or JsonException)
            {
                return Results.Problem(error.Message, statusCode: StatusCodes.Status400BadRequest);
            }
            catch (Exception error) when (!http.RequestAborted.IsCancellationRequested)
            {
                return Results.Problem($"the run could not be made: {error.GetType().Name}: {error.Message}",
                    statusCode: StatusCodes.Status500InternalServerError);
            }
            finally
            {
                oneAtATime.Release();
            }
        });
        await app.StartAsync();
        return app;
    }
}
