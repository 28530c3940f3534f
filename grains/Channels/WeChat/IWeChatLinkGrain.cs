using Hub.Grains.Common;

namespace Hub.Grains.Channels.WeChat;

/// <summary>An account's WeChat link, keyed by the account id.</summary>
public interface IWeChatLinkGrain : IGrainWithStringKey
{
    /// <summary>Admins link the account (or change its link); the account must exist.</summary>
    Task Link(Caller admin, WeChatLink link);

    /// <summary>The link with its secrets, for the hub's own use only; null when the account is not linked.</summary>
    Task<WeChatLink?> Find();

    /// <summary>
    /// The account's access token, one for the whole cluster: a newly fetched token ends the
    /// old one, so nodes that each fetched their own would keep ending each other's.
    /// </summary>
    Task<string> AccessToken();

    /// <summary>WeChat refused this token: the next <see cref="AccessToken"/> fetches a new one.</summary>
    Task ForgetAccessToken(string token);
}
