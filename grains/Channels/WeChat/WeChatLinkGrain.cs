using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Hosting;

namespace Hub.Grains.Channels.WeChat;

public sealed class WeChatLinkGrain(
    [PersistentState("wechat-link", StorageNames.Grains)] IPersistentState<WeChatLinkState> state,
    WeChatAccessTokens tokens) : Grain, IWeChatLinkGrain
{
    async Task IWeChatLinkGrain.Link(Caller admin, WeChatLink link)
    {
        if (!admin.HasRole(Roles.Admin))
        {
            throw RuleViolation.Forbidden("only admins link a WeChat official account");
        }
        // Not found when the account does not exist.
        await GrainFactory.GetGrain<IAccountGrain>(this.GetPrimaryKeyString()).GetProfile();
        state.State.Link = link;
        await state.WriteOrReload(this);
    }

    Task<WeChatLink?> IWeChatLinkGrain.Find() => Task.FromResult(state.State.Link);

    Task<string> IWeChatLinkGrain.AccessToken() =>
        tokens.Get(state.State.Link ?? throw RuleViolation.NotFound("the account is not linked to WeChat"), CancellationToken.None);

    Task IWeChatLinkGrain.ForgetAccessToken(string token)
    {
        if (state.State.Link is { } link)
        {
            tokens.Forget(link, token);
        }
        return Task.CompletedTask;
    }
}

[GenerateSerializer, Alias("hub.wechat-link-state")]
public sealed class WeChatLinkState
{
    [Id(0)] public WeChatLink? Link { get; set; }
}
