using Microsoft.Extensions.DependencyInjection;
using Hub.Grains.Common;
using Hub.Grains.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Hub.Grains.Staff;

public sealed class StaffGrain(
    [PersistentState("staff", StorageNames.Grains)] IPersistentState<StaffState> state,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IStaffGrain
{
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(1);

    private static readonly PasswordHasher<StaffIdentity> Hasher = new();

    private StaffState State => state.State;

    private string Username => this.GetPrimaryKeyString();

    async Task<StaffIdentity> IStaffGrain.Register(StaffRegistration registration)
    {
        RequirePassword(registration.Password);
        var displayName = TextRules.RequireText(registration.DisplayName, "displayName").Trim();
        if (registration.Roles.Count == 0 || registration.Roles.Any(r => !Roles.Staff.Contains(r)))
        {
            throw RuleViolation.BadRequest($"roles must be one or more of {string.Join(", ", Roles.Staff)}");
        }
        if (State.Identity is not null)
        {
            throw RuleViolation.Conflict($"username '{Username}' is taken");
        }

        var identity = new StaffIdentity($"s-{Guid.NewGuid():N}", Username, displayName,
            [.. registration.Roles.Distinct()], [.. registration.AccountIds.Distinct()]);
        State.Identity = identity;
        State.PasswordHash = Hasher.HashPassword(identity, registration.Password);
        await state.WriteOrReload(this);
        return identity;
    }

    async Task<StaffIdentity> IStaffGrain.SignIn(string password)
    {
        var now = time.GetUtcNow();
        if (State.LockedUntil > now)
        {
            throw RuleViolation.RateLimited("too many failed sign-ins; try again in a minute");
        }
        var identity = State.Identity;
        var verdict = identity is null || string.IsNullOrEmpty(password)
            ? PasswordVerificationResult.Failed
            : Hasher.VerifyHashedPassword(identity, State.PasswordHash, password);
        if (identity is null || verdict == PasswordVerificationResult.Failed)
        {
            if (identity is not null)
            {
                State.FailedSignIns++;
                if (State.FailedSignIns >= FailuresBeforeLockout)
                {
                    State.FailedSignIns = 0;
                    State.LockedUntil = now + Lockout;
                }
                await state.WriteOrReload(this);
            }
            throw RuleViolation.Unauthorized("wrong username or password");
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            State.PasswordHash = Hasher.HashPassword(identity, password);
        }
        if (State.FailedSignIns > 0 || State.LockedUntil is not null || verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            State.FailedSignIns = 0;
            State.LockedUntil = null;
            await state.WriteOrReload(this);
        }
        return identity;
    }

    async Task<StaffIdentity> IStaffGrain.EnsureAdmin(string password)
    {
        RequirePassword(password);
        var identity = State.Identity ?? new StaffIdentity($"s-{Guid.NewGuid():N}", Username, Username, [], []);
        if (!identity.Roles.Contains(Roles.Admin))
        {
            identity = identity with { Roles = [.. identity.Roles, Roles.Admin] };
        }
        var unchanged = State.Identity == identity
            && Hasher.VerifyHashedPassword(identity, State.PasswordHash, password) == PasswordVerificationResult.Success;
        if (!unchanged)
        {
            State.Identity = identity;
            State.PasswordHash = Hasher.HashPassword(identity, password);
            await state.WriteOrReload(this);
        }
        return identity;
    }

    private static void RequirePassword(string? password)
    {
        if (password is null || password.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            throw RuleViolation.BadRequest($"password must be {MinPasswordLength} to {MaxPasswordLength} characters");
        }
    }
}
