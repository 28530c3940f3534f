using Microsoft.Extensions.DependencyInjection;
using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Hosting;
using Hub.Grains.Security;
using Microsoft.AspNetCore.Identity;

namespace Hub.Grains.Staff;

public sealed class StaffGrain(
    [PersistentState("staff", StorageNames.Grains)] IPersistentState<StaffState> state,
    ISecurityLog securityLog,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IStaffGrain
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    private const string WrongCredentials = "wrong username or password";

    private static readonly PasswordHasher<StaffIdentity> Hasher = new();

    // Unknown usernames are checked against this hash, so they cost what a known one costs
    // and the time of the answer does not tell them apart.
    private static readonly Lazy<string> UnknownUserHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    private SignInBackoff? _backoff;

    private StaffState State => state.State;

    private string Username => this.GetPrimaryKeyString();

    /// <summary>
    /// Members stored before roles were held per account carry neither grants nor a stamp, and
    /// are missing from the directory: they get their roles in each of their accounts, a stamp
    /// (which ends their old tokens) and a directory entry the first time they are needed.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Identity is { } stored && (stored.Grants is null || string.IsNullOrEmpty(stored.Stamp)))
        {
            State.Identity = StaffIdentity.Of(stored.UserId, Username, stored.DisplayName, stored.Roles.Contains(Roles.Admin),
                AccountGrant.Everywhere(stored.AccountIds, stored.Roles));
            await state.WriteOrReload(this);
            await GrainFactory.GetGrain<IStaffDirectoryGrain>(0).Add(stored.UserId, Username);
        }
        await base.OnActivateAsync(cancellationToken);
    }

    async Task<StaffIdentity> IStaffGrain.Register(StaffRegistration registration)
    {
        RequirePassword(registration.Password);
        var displayName = DisplayNames.Require(registration.DisplayName, isCitizen: false, []);
        // A member who serves no account yet (one who belongs to a body) may start without roles.
        var roles = registration is { AccountIds.Count: 0, Roles.Count: 0 } ? [] : RequireRoles(registration.Roles);
        var email = StaffEmail.Normalize(registration.Email);
        if (State.Identity is not null)
        {
            throw RuleViolation.Conflict($"username '{Username}' is taken");
        }

        var identity = StaffIdentity.Of($"s-{Guid.NewGuid():N}", Username, displayName, roles.Contains(Roles.Admin),
            AccountGrant.Everywhere([.. registration.AccountIds.Distinct()], roles));
        await UpdateRosters(null, identity, disabled: false);
        State.Identity = identity;
        State.PasswordHash = Hasher.HashPassword(identity, registration.Password);
        State.Disabled = false;
        State.Email = email;
        await state.WriteOrReload(this);
        await GrainFactory.GetGrain<IStaffDirectoryGrain>(0).Add(identity.UserId, Username);
        return identity;
    }

    async Task<StaffIdentity> IStaffGrain.SignIn(string password, string address)
    {
        var backoff = _backoff ??= new SignInBackoff(time);
        if (backoff.WaitFor(address) is { } wait)
        {
            throw RuleViolation.RateLimited("too many failed sign-ins; wait before trying again", wait);
        }
        var identity = State.Identity;
        var verdict = Hasher.VerifyHashedPassword(identity!, identity is null ? UnknownUserHash.Value : State.PasswordHash, password ?? "");
        if (identity is null || State.Disabled || verdict == PasswordVerificationResult.Failed)
        {
            var waits = backoff.Failed(address);
            await Record(SecurityEventKinds.SignInFailed, identity, address,
                identity is null ? "unknown username" : State.Disabled ? "disabled member" : "wrong password");
            if (waits)
            {
                await Record(SecurityEventKinds.SignInBackoff, identity, address, $"waits {backoff.WaitFor(address)?.TotalSeconds:0} s before the next attempt");
            }
            throw RuleViolation.Unauthorized(WrongCredentials);
        }

        backoff.Succeeded(address);
        await Record(SecurityEventKinds.SignIn, identity, address, null);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            State.PasswordHash = Hasher.HashPassword(identity, password!);
            await state.WriteOrReload(this);
        }
        return identity;
    }

    async Task<StaffIdentity> IStaffGrain.EnsureAdmin(string password)
    {
        RequirePassword(password);
        var current = State.Identity;
        var identity = current is null
            ? StaffIdentity.Of($"s-{Guid.NewGuid():N}", Username, Username, isAdmin: true, [])
            : current.IsAdmin ? current : StaffIdentity.Of(current.UserId, Username, current.DisplayName, isAdmin: true, current.Grants);
        var unchanged = current == identity && !State.Disabled
            && Hasher.VerifyHashedPassword(identity, State.PasswordHash, password) == PasswordVerificationResult.Success;
        if (unchanged)
        {
            return identity;
        }
        // The configured admin is the way back in: configuration restores its password and standing.
        identity = identity.Restamped();
        await UpdateRosters(current, identity, disabled: false);
        State.Identity = identity;
        State.PasswordHash = Hasher.HashPassword(identity, password);
        State.Disabled = false;
        await state.WriteOrReload(this);
        await GrainFactory.GetGrain<IStaffDirectoryGrain>(0).Add(identity.UserId, Username);
        return identity;
    }

    async Task<StaffIdentity> IStaffGrain.Change(StaffChange change)
    {
        var current = RequireIdentity();
        if (change.Password is not null)
        {
            RequirePassword(change.Password);
        }
        var email = change.Email is null ? State.Email : StaffEmail.Normalize(change.Email);
        var identity = change.Roles is null ? current : WithRoles(current, change.Roles, change.AccountId);
        var disabled = change.Disabled ?? State.Disabled;

        identity = identity.Restamped();
        await UpdateRosters(current, identity, disabled);
        State.Identity = identity;
        State.Disabled = disabled;
        State.Email = email;
        if (change.Password is not null)
        {
            State.PasswordHash = Hasher.HashPassword(identity, change.Password);
        }
        await state.WriteOrReload(this);
        return identity;
    }

    Task<string?> IStaffGrain.GetStamp() =>
        Task.FromResult(State.Disabled ? null : State.Identity?.Stamp);

    Task<StaffIdentity> IStaffGrain.Current() =>
        State.Identity is { } identity && !State.Disabled
            ? Task.FromResult(identity)
            : throw RuleViolation.Unauthorized("this sign-in is no longer accepted");

    Task<StaffSummary> IStaffGrain.Describe()
    {
        var identity = RequireIdentity();
        return Task.FromResult(new StaffSummary(identity.UserId, identity.Username, identity.DisplayName, identity.Roles, State.Disabled, identity.Grants, State.Email));
    }

    private Task Record(string kind, StaffIdentity? member, string address, string? detail) =>
        securityLog.Append(new SecurityEvent(time.GetUtcNow(), kind, member?.UserId ?? "", member?.DisplayName ?? "",
            null, Username, address, detail));

    private static StaffIdentity WithRoles(StaffIdentity current, IReadOnlyList<string> roles, string? accountId)
    {
        if (accountId is null)
        {
            var valid = RequireRoles(roles);
            var accountRoles = valid.Where(r => !AccountGrant.IsGlobal(r)).ToList();
            if (accountRoles.Count > 0 && current.Grants.Count == 0)
            {
                throw RuleViolation.BadRequest("this member serves no account yet: name the account the roles are for");
            }
            return StaffIdentity.Of(current.UserId, current.Username, current.DisplayName, valid.Contains(Roles.Admin),
                current.Grants.Select(g => g with { Roles = accountRoles }));
        }

        AccountId.Require(accountId);
        if (roles.Any(r => !Roles.Staff.Contains(r) || AccountGrant.IsGlobal(r)))
        {
            throw RuleViolation.BadRequest($"roles in an account are any of {string.Join(", ", Roles.Staff.Where(r => !AccountGrant.IsGlobal(r)))}");
        }
        var grants = current.Grants.Where(g => g.AccountId != accountId).Append(new AccountGrant(accountId, [.. roles.Distinct()]));
        return StaffIdentity.Of(current.UserId, current.Username, current.DisplayName, current.IsAdmin, grants);
    }

    /// <summary>Tells every account the member joins, leaves or serves what they now are there.</summary>
    private Task UpdateRosters(StaffIdentity? before, StaffIdentity after, bool disabled)
    {
        var accounts = (before?.AccountIds ?? []).Union(after.AccountIds);
        return Task.WhenAll(accounts.Select(accountId => GrainFactory.GetGrain<IAccountGrain>(accountId)
            .SetStaff(new StaffMember(after.UserId, after.DisplayName, after.RolesIn(accountId), after.Username, disabled))));
    }

    private StaffIdentity RequireIdentity() =>
        State.Identity ?? throw RuleViolation.NotFound($"staff member '{Username}' does not exist");

    private static IReadOnlyList<string> RequireRoles(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0 || roles.Any(r => !Roles.Staff.Contains(r)))
        {
            throw RuleViolation.BadRequest($"roles must be one or more of {string.Join(", ", Roles.Staff)}");
        }
        return [.. roles.Distinct()];
    }

    private static void RequirePassword(string? password)
    {
        if (password is null || password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            throw RuleViolation.BadRequest($"password must be {MinPasswordLength} to {MaxPasswordLength} characters");
        }
    }
}
