using Microsoft.Extensions.DependencyInjection;
using Hub.Grains.Common;
using Hub.Grains.Hosting;
using Hub.Grains.Security;

namespace Hub.Grains.Accounts;

public sealed class AccountDirectoryGrain(
    [PersistentState("account-directory", StorageNames.Grains)] IPersistentState<AccountDirectoryState> state,
    ISecurityLog securityLog,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IAccountDirectoryGrain
{
    public const int MaxNameLength = 200;

    /// <summary>Who acts when no caller is given: the node itself, e.g. seeding at start.</summary>
    private static readonly Caller System = new("system", "system", [], []);

    async Task<AccountProfile> IAccountDirectoryGrain.Register(string id, string name, string department, Caller? by)
    {
        AccountId.Require(id);
        name = TextRules.RequireText(name, "name");
        department = TextRules.OptionalText(department, "department");
        if (name.Length > MaxNameLength || department.Length > MaxNameLength)
        {
            throw RuleViolation.BadRequest($"name and department are at most {MaxNameLength} characters");
        }
        if (state.State.Accounts.Any(a => a.Id == id))
        {
            throw RuleViolation.Conflict($"account '{id}' already exists");
        }

        var profile = new AccountProfile(id, name.Trim(), department.Trim(), time.GetUtcNow());
        await GrainFactory.GetGrain<IAccountGrain>(id).Create(profile);
        state.State.Accounts.Add(profile);
        await state.WriteOrReload(this);
        await securityLog.Record(time, SecurityEventKinds.AccountCreated, by ?? System, id, id, $"{profile.Name} ({profile.Department})");
        return profile;
    }

    Task<IReadOnlyList<AccountProfile>> IAccountDirectoryGrain.List() =>
        Task.FromResult<IReadOnlyList<AccountProfile>>([.. state.State.Accounts]);

    async Task IAccountDirectoryGrain.MarkClosed(string id, DateTimeOffset at)
    {
        var index = state.State.Accounts.FindIndex(a => a.Id == id);
        if (index < 0 || state.State.Accounts[index].ClosedAt is not null)
        {
            return;
        }
        state.State.Accounts[index] = state.State.Accounts[index] with { ClosedAt = at };
        await state.WriteOrReload(this);
    }
}

[GenerateSerializer, Alias("hub.account-directory-state")]
public sealed class AccountDirectoryState
{
    [Id(0)] public List<AccountProfile> Accounts { get; set; } = [];
}
