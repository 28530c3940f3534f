using System.Globalization;
using Hub.Grains.Common;
using Hub.Grains.PublicEvents;
using Hub.Grains.ServiceLevels;

namespace Hub.Grains.Mail;

/// <summary>
/// The alerts officers get by e-mail, written in Chinese for the officers who read them, with
/// times in China's time (UTC+8).
/// </summary>
public static class OfficerAlerts
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private const string Footer = "\n\n请登录平台处理。本邮件由系统自动发送，请勿回复。";

    /// <summary>A legal clock's warning or breach, to the lead account's press officers.</summary>
    public static OfficerAlert ForClock(ClockAlert alert)
    {
        var clock = ClockName(alert.Clock);
        var breached = alert.Percent >= 100;
        var subject = breached
            ? $"【时限已超】{alert.Title}：{clock}已超过法定时限"
            : $"【时限预警】{alert.Title}：{clock}时限已过{alert.Percent}%";
        var body = $"事件：{alert.Title}\n时限：{clock}\n截止时间：{ChinaTime(alert.DueAt)}（北京时间）\n"
            + (breached ? "状态：已超时，未按时完成。" : $"状态：已用去时限的{alert.Percent}%，请在截止前完成。") + Footer;
        return new OfficerAlert($"clock/{alert.EventId}/{alert.Clock}/{alert.Percent}", [Roles.Press], [], subject, body);
    }

    /// <summary>A conversation missed its service-level target, to the account's supervisors and its agent.</summary>
    public static OfficerAlert ForServiceLevel(ServiceLevelAlert alert)
    {
        var clock = alert.Clock == ServiceLevelClock.FirstResponse ? "首次响应" : "办结";
        var topic = alert.Subject.Length > 0 ? alert.Subject : "群众留言";
        var subject = $"【服务超时】{topic}：{clock}已超过服务时限";
        var body = $"会话：{topic}（编号 {alert.ConversationId}）\n时限：{clock}\n截止时间：{ChinaTime(alert.DueAt)}（北京时间）\n"
            + (alert.AgentId is null ? "状态：已超时，尚无坐席接待。" : "状态：已超时，请督促处理。") + Footer;
        return new OfficerAlert($"service-level/{alert.ConversationId}/{alert.Clock}", [Roles.Supervisor],
            alert.AgentId is { } agent ? [agent] : [], subject, body);
    }

    private static string ClockName(string clock) => clock switch
    {
        LegalClock.Information => "权威信息发布",
        LegalClock.PressConference => "新闻发布会",
        LegalClock.Response => "回应社会关切",
        _ => clock,
    };

    private static string ChinaTime(DateTimeOffset at) =>
        at.ToOffset(ChinaOffset).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
}
