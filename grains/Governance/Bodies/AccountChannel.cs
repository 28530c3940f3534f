using Hub.Grains.Common;

namespace Hub.Grains.Governance.Bodies;

/// <summary>Where an account publishes: the body's own website, a WeChat official account, Weibo, Douyin, an app or a mini-program.</summary>
public static class AccountChannel
{
    public const string Website = "website";
    public const string WeChat = "wechat";
    public const string Weibo = "weibo";
    public const string Douyin = "douyin";
    public const string App = "app";
    public const string MiniProgram = "miniprogram";

    public const int MaxHandleLength = 200;

    private static readonly string[] All = [Website, WeChat, Weibo, Douyin, App, MiniProgram];

    public static string Require(string? channel) =>
        All.Contains(channel) ? channel! : throw RuleViolation.BadRequest($"channel must be one of {string.Join(", ", All)}");
}
