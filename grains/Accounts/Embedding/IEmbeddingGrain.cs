using Hub.Grains.Common;
using Orleans.Concurrency;

namespace Hub.Grains.Accounts.Embedding;

/// <summary>Where one account's citizen chat may be embedded (the web widget), keyed by the account's id.</summary>
public interface IEmbeddingGrain : IGrainWithStringKey
{
    /// <summary>An admin replaces the allowed origins; answers them as stored. not_found for an unknown account.</summary>
    Task<IReadOnlyList<string>> SetOrigins(Caller admin, IReadOnlyList<string?>? origins);

    /// <summary>The allowed origins; none for an account that never set any (or does not exist).</summary>
    [ReadOnly, AlwaysInterleave]
    Task<IReadOnlyList<string>> GetOrigins();
}
