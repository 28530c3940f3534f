using Hub.Grains.Common;
using Hub.Grains.Hosting;

namespace Hub.Grains.Accounts.Embedding;

/// <summary>
/// Apart from the account grain, whose state is written on every routing change: the origins
/// are read on every embedded page load and change rarely.
/// </summary>
public sealed class EmbeddingGrain(
    [PersistentState("embedding", StorageNames.Grains)] IPersistentState<EmbeddingState> state) : Grain, IEmbeddingGrain
{
    async Task<IReadOnlyList<string>> IEmbeddingGrain.SetOrigins(Caller admin, IReadOnlyList<string?>? origins)
    {
        if (!admin.HasRole(Roles.Admin))
        {
            throw RuleViolation.Forbidden("only admins choose where an account's chat may be embedded");
        }
        var allowed = EmbeddingOrigins.Require(origins);
        await GrainFactory.GetGrain<IAccountGrain>(this.GetPrimaryKeyString()).GetProfile();
        state.State.Origins = [.. allowed];
        await state.WriteOrReload(this);
        return allowed;
    }

    Task<IReadOnlyList<string>> IEmbeddingGrain.GetOrigins() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Origins]);
}
