using Hub.Grains.Governance.Bodies;
using Hub.Grains.Governance.Inspection;
using Hub.Grains.Push;

namespace Hub.Realtime.Hubs;

public sealed partial class LiveHub
{
    /// <summary>
    /// Follows a body's inspections: each run taken there, by hand or on schedule, then arrives as
    /// <c>inspectionCompleted</c>. The caller is checked first and joined second, and the runs
    /// are read last, so no run can fall between them; answers every kept run, oldest first.
    /// </summary>
    /// <roles>the admins and inspectors of the body or of a body above it</roles>
    public async Task<IReadOnlyList<RunSummary>> FollowInspection(string bodyId)
    {
        await grains.GetGrain<IBodyTreeGrain>(0).RequireReader(Caller, BodyId.Require(bodyId));
        await JoinGroup(PushGroups.InspectorsOf(bodyId));
        return await grains.GetGrain<IBodyInspectionGrain>(bodyId).GetRuns(Caller);
    }

    /// <summary>Stops the body's inspection runs reaching this connection.</summary>
    /// <roles>anyone</roles>
    public Task UnfollowInspection(string bodyId) => LeaveGroup(PushGroups.InspectorsOf(BodyId.Require(bodyId)));
}
