using Orleans.Concurrency;

namespace Hub.Grains.Mail;

/// <summary>One account's e-mail to its officers, keyed by the account id.</summary>
public interface IAlertMailGrain : IGrainWithStringKey
{
    /// <summary>
    /// Queues one mail per officer with an address who has not had this alert yet. One-way: the
    /// grain that raises it has stored what happened and does not wait for the mail.
    /// </summary>
    [OneWay]
    Task Alert(OfficerAlert alert);

    /// <summary>The outbox and the log, oldest first.</summary>
    Task<IReadOnlyList<AlertMail>> GetMails();
}
