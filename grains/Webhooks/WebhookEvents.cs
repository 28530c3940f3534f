using System.Text.Json;

namespace Hub.Grains.Webhooks;

/// <summary>How a grain tells integrators what happened, after it has stored it.</summary>
public static class WebhookEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Raises one of <see cref="WebhookEventTypes"/> on the account's outbox; the data goes as camel-case JSON.</summary>
    public static Task RaiseWebhook<T>(this IGrainFactory grains, string accountId, string type, T data) =>
        grains.GetGrain<IWebhookGrain>(WebhookOwner.KeyOfAccount(accountId)).Raise(accountId, type, JsonSerializer.Serialize(data, Json));
}
