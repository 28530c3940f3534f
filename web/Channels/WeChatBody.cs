using System.Text;
using Hub.Grains.Channels.WeChat;
using Hub.Grains.Common;
using Microsoft.AspNetCore.Http.Features;

namespace Hub.Web.Channels;

/// <summary>WeChat's pushes are small; a body larger than <see cref="WeChatXml.MaxCharacters"/> bytes is refused unread.</summary>
public static class WeChatBody
{
    public static async Task<string> Read(HttpRequest request)
    {
        const int limit = WeChatXml.MaxCharacters;
        if (request.ContentLength > limit)
        {
            throw RuleViolation.TooLarge($"the body must be at most {limit} bytes");
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }
        var buffer = new byte[limit + 1];
        var read = 0;
        try
        {
            int n;
            while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted)) > 0)
            {
                read += n;
            }
        }
        catch (BadHttpRequestException)
        {
            throw RuleViolation.TooLarge($"the body must be at most {limit} bytes");
        }
        if (read > limit)
        {
            throw RuleViolation.TooLarge($"the body must be at most {limit} bytes");
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
