namespace Hub.Grains.Limits;

/// <summary>
/// One user's allowance, keyed by user id. Being one grain in the cluster, it counts the
/// user's actions on every node together, so opening connections on several nodes gains nothing.
/// </summary>
public interface IUserQuotaGrain : IGrainWithStringKey
{
    /// <summary>Counts one action, or refuses it with rate_limited (and when to retry) when the user is over the limit.</summary>
    Task Take(UserAction action);
}
