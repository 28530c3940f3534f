using System.Text;
using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Governance.Bodies;
using Hub.Grains.Governance.Inspection;
using Hub.Realtime.Identity;
using Microsoft.Extensions.Options;

namespace Hub.Web.Apis;

/// <summary>
/// Inspection of a body's subtree, for its admins and inspectors and those above: thresholds,
/// runs (a ranked snapshot, kept), the trend over runs, a CSV export and notices (通报) to the
/// bodies of flagged accounts, which those bodies' admins read.
/// </summary>
public static class InspectionApi
{
    public static IEndpointRouteBuilder MapInspectionApi(this IEndpointRouteBuilder app)
    {
        var inspection = app.MapGroup("/api/bodies/{id}").WithTags("Inspection").RequireAuthorization();
        inspection.MapGet("/inspection-rules", GetRules);
        inspection.MapPut("/inspection-rules", SetRules);
        inspection.MapPost("/inspections", Run);
        inspection.MapGet("/inspections", Trend);
        inspection.MapGet("/live-indicators", Now);
        inspection.MapGet("/inspections/{runId}", GetRun);
        inspection.MapGet("/inspections/{runId}/csv", ExportCsv);
        inspection.MapGet("/inspections/{runId}/accounts/{accountId}", DrillDown);
        inspection.MapGet("/inspection-schedule", Scheduled);
        inspection.MapPost("/inspection-schedule", Schedule);
        inspection.MapDelete("/inspection-schedule/{scheduleId}", CancelScheduled);
        inspection.MapPost("/inspections/{runId}/notice", Circulate);
        inspection.MapGet("/notices", Notices);
        app.MapGet("/api/accounts/{id}/indicators", Indicators).WithTags("Inspection").RequireAuthorization();
        return app;
    }

    public sealed record NoticeText(string? Text);

    public sealed record ScheduleRequest(DateTimeOffset? At);

    public sealed record Circulated(IReadOnlyList<string> BodyIds);

    private static IBodyInspectionGrain Inspection(string id, IGrainFactory grains) => grains.GetGrain<IBodyInspectionGrain>(BodyId.Require(id));

    private static Task<InspectionRules> GetRules(string id, HttpContext http, IGrainFactory grains) =>
        Inspection(id, grains).GetRules(http.User.RequireCaller());

    private static Task<InspectionRules> SetRules(string id, InspectionRules body, HttpContext http, IGrainFactory grains) =>
        Inspection(id, grains).SetRules(http.User.RequireCaller(), body);

    private static async Task<IResult> Run(string id, HttpContext http, IGrainFactory grains)
    {
        var run = await Inspection(id, grains).Run(http.User.RequireCaller());
        return Results.Created($"/api/bodies/{id}/inspections/{run.RunId}", run);
    }

    private static Task<IReadOnlyList<RunSummary>> Trend(string id, HttpContext http, IGrainFactory grains) =>
        Inspection(id, grains).GetRuns(http.User.RequireCaller());

    private static Task<IReadOnlyList<InspectedAccount>> Now(string id, HttpContext http, IGrainFactory grains) =>
        Inspection(id, grains).Now(http.User.RequireCaller());

    private static Task<InspectionRun> GetRun(string id, string runId, HttpContext http, IGrainFactory grains) =>
        Inspection(id, grains).GetRun(http.User.RequireCaller(), runId);

    private static async Task<IResult> ExportCsv(string id, string runId, HttpContext http, IGrainFactory grains)
    {
        var run = await Inspection(id, grains).GetRun(http.User.RequireCaller(), runId);
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(InspectionCsv.Write(run))).ToArray(),
            "text/csv; charset=utf-8", $"inspection-{id}-{run.RunId}.csv");
    }

    private static Task<AccountDrillDown> DrillDown(string id, string runId, string accountId, HttpContext http, IGrainFactory grains) =>
        Inspection(id, grains).DrillDown(http.User.RequireCaller(), runId, AccountId.Require(accountId));

    private static Task<IReadOnlyList<ScheduledInspectionView>> Scheduled(string id, HttpContext http, IGrainFactory grains) =>
        Inspection(id, grains).GetScheduled(http.User.RequireCaller());

    private static async Task<IResult> Schedule(string id, ScheduleRequest body, HttpContext http, IGrainFactory grains)
    {
        var at = body.At ?? throw RuleViolation.BadRequest("at is required");
        var scheduled = await Inspection(id, grains).Schedule(http.User.RequireCaller(), at);
        return Results.Created($"/api/bodies/{id}/inspection-schedule/{scheduled.ScheduleId}", scheduled);
    }

    private static async Task<IResult> CancelScheduled(string id, string scheduleId, HttpContext http, IGrainFactory grains)
    {
        await Inspection(id, grains).CancelScheduled(http.User.RequireCaller(), scheduleId);
        return Results.NoContent();
    }

    private static async Task<Circulated> Circulate(string id, string runId, NoticeText body, HttpContext http, IGrainFactory grains) =>
        new(await Inspection(id, grains).Circulate(http.User.RequireCaller(), runId, body.Text ?? ""));

    private static Task<IReadOnlyList<InspectionNotice>> Notices(string id, HttpContext http, IGrainFactory grains) =>
        Inspection(id, grains).GetNotices(http.User.RequireCaller());

    /// <summary>The account's own inspectors, and the admins and inspectors over its body, read its indicators by the defaults.</summary>
    private static async Task<AccountIndicators> Indicators(string id, HttpContext http, IGrainFactory grains, IOptions<InspectionOptions> options)
    {
        var caller = http.User.RequireCaller();
        AccountId.Require(id);
        if (!caller.HasRoleIn(id, Roles.Inspector) && !await grains.GetGrain<IBodyTreeGrain>(0).ReadsAccount(caller, id))
        {
            throw RuleViolation.Forbidden($"only inspectors of '{id}' and the admins and inspectors over its body read its indicators");
        }
        await grains.GetGrain<IAccountGrain>(id).GetProfile();
        return await grains.GetGrain<IAccountIndicatorsGrain>(id).Measure(options.Value.Defaults());
    }
}
