using System.Globalization;

namespace PolicyAssistant.Application.WeChat.Protocol;

/// <summary>
/// A message or event WeChat pushed to the account, one type per MsgType / Event, in the spirit of
/// Senparc's RequestMessageText, RequestMessageEvent_Subscribe, ….
/// </summary>
public abstract record WeChatRequestMessage(string ToUserName, string FromUserName, long CreateTime)
{
    /// <summary>Reads the fields of a decrypted or plain message; an unknown MsgType or Event is kept, not refused.</summary>
    public static WeChatRequestMessage FromFields(IReadOnlyDictionary<string, string> fields)
    {
        string Required(string name) => fields.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new WeChatProtocolException(WeChatProtocolError.Malformed, $"The message has no {name}.");
        string Optional(string name) => fields.TryGetValue(name, out var value) ? value : "";
        int? Count(string name) => int.TryParse(Optional(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        double Number(string name) => double.TryParse(Optional(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

        var to = Required("ToUserName");
        var from = Required("FromUserName");
        if (!long.TryParse(Required("CreateTime"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var createTime))
            throw new WeChatProtocolException(WeChatProtocolError.Malformed, "CreateTime is not a number.");

        var msgType = Required("MsgType");
        return msgType switch
        {
            "text" => new WeChatTextMessage(to, from, createTime, Required("MsgId"), Optional("Content")),
            "image" => new WeChatImageMessage(to, from, createTime, Required("MsgId"), Optional("PicUrl"), Optional("MediaId")),
            "voice" => new WeChatVoiceMessage(to, from, createTime, Required("MsgId"), Optional("MediaId"), Optional("Format"), Optional("Recognition")),
            "video" or "shortvideo" => new WeChatVideoMessage(to, from, createTime, Required("MsgId"), Optional("MediaId"), Optional("ThumbMediaId")),
            "location" => new WeChatLocationMessage(to, from, createTime, Required("MsgId"), Number("Location_X"), Number("Location_Y"), Optional("Label")),
            "link" => new WeChatLinkMessage(to, from, createTime, Required("MsgId"), Optional("Title"), Optional("Description"), Optional("Url")),
            "event" => Required("Event") switch
            {
                "subscribe" => new WeChatSubscribeEvent(to, from, createTime, Optional("EventKey")),
                "unsubscribe" => new WeChatUnsubscribeEvent(to, from, createTime),
                "CLICK" => new WeChatClickEvent(to, from, createTime, Optional("EventKey")),
                "VIEW" => new WeChatViewEvent(to, from, createTime, Optional("EventKey")),
                "TEMPLATESENDJOBFINISH" => new WeChatTemplateSendJobFinishEvent(to, from, createTime, Required("MsgID"), Optional("Status")),
                "MASSSENDJOBFINISH" => new WeChatMassSendJobFinishEvent(to, from, createTime, Required("MsgID"), Optional("Status"),
                    Count("TotalCount"), Count("FilterCount"), Count("SentCount"), Count("ErrorCount")),
                var name => new WeChatUnknownEvent(to, from, createTime, name),
            },
            _ => new WeChatUnknownMessage(to, from, createTime, msgType, Optional("MsgId")),
        };
    }
}

/// <summary>A message the user sent (as opposed to an event); MsgId identifies WeChat's retries of it.</summary>
public abstract record WeChatUserMessage(string ToUserName, string FromUserName, long CreateTime, string MsgId)
    : WeChatRequestMessage(ToUserName, FromUserName, CreateTime);

public sealed record WeChatTextMessage(string ToUserName, string FromUserName, long CreateTime, string MsgId, string Content)
    : WeChatUserMessage(ToUserName, FromUserName, CreateTime, MsgId);

public sealed record WeChatImageMessage(string ToUserName, string FromUserName, long CreateTime, string MsgId, string PicUrl, string MediaId)
    : WeChatUserMessage(ToUserName, FromUserName, CreateTime, MsgId);

/// <summary>A voice message; <see cref="Recognition"/> is WeChat's speech-to-text, empty when it heard nothing.</summary>
public sealed record WeChatVoiceMessage(string ToUserName, string FromUserName, long CreateTime, string MsgId, string MediaId, string Format, string Recognition)
    : WeChatUserMessage(ToUserName, FromUserName, CreateTime, MsgId);

public sealed record WeChatVideoMessage(string ToUserName, string FromUserName, long CreateTime, string MsgId, string MediaId, string ThumbMediaId)
    : WeChatUserMessage(ToUserName, FromUserName, CreateTime, MsgId);

public sealed record WeChatLocationMessage(string ToUserName, string FromUserName, long CreateTime, string MsgId, double Latitude, double Longitude, string Label)
    : WeChatUserMessage(ToUserName, FromUserName, CreateTime, MsgId);

public sealed record WeChatLinkMessage(string ToUserName, string FromUserName, long CreateTime, string MsgId, string Title, string Description, string Url)
    : WeChatUserMessage(ToUserName, FromUserName, CreateTime, MsgId);

public sealed record WeChatUnknownMessage(string ToUserName, string FromUserName, long CreateTime, string MsgType, string MsgId)
    : WeChatUserMessage(ToUserName, FromUserName, CreateTime, MsgId);

/// <summary>An event; WeChat gives it no MsgId, so its retries are told apart by sender, CreateTime and <see cref="Event"/>.</summary>
public abstract record WeChatEvent(string ToUserName, string FromUserName, long CreateTime, string Event)
    : WeChatRequestMessage(ToUserName, FromUserName, CreateTime);

/// <summary>The user followed the account; <see cref="EventKey"/> is <c>qrscene_…</c> when they came by a parametric QR code.</summary>
public sealed record WeChatSubscribeEvent(string ToUserName, string FromUserName, long CreateTime, string EventKey)
    : WeChatEvent(ToUserName, FromUserName, CreateTime, "subscribe");

public sealed record WeChatUnsubscribeEvent(string ToUserName, string FromUserName, long CreateTime)
    : WeChatEvent(ToUserName, FromUserName, CreateTime, "unsubscribe");

/// <summary>A click on a menu button of type click; <see cref="EventKey"/> is the button's key from the menu.</summary>
public sealed record WeChatClickEvent(string ToUserName, string FromUserName, long CreateTime, string EventKey)
    : WeChatEvent(ToUserName, FromUserName, CreateTime, "CLICK");

/// <summary>A click on a menu button of type view; <see cref="EventKey"/> is the URL it opened.</summary>
public sealed record WeChatViewEvent(string ToUserName, string FromUserName, long CreateTime, string EventKey)
    : WeChatEvent(ToUserName, FromUserName, CreateTime, "VIEW");

public sealed record WeChatTemplateSendJobFinishEvent(string ToUserName, string FromUserName, long CreateTime, string MsgId, string Status)
    : WeChatEvent(ToUserName, FromUserName, CreateTime, "TEMPLATESENDJOBFINISH");

public sealed record WeChatMassSendJobFinishEvent(
    string ToUserName, string FromUserName, long CreateTime, string MsgId, string Status,
    int? TotalCount, int? FilterCount, int? SentCount, int? ErrorCount)
    : WeChatEvent(ToUserName, FromUserName, CreateTime, "MASSSENDJOBFINISH");

public sealed record WeChatUnknownEvent(string ToUserName, string FromUserName, long CreateTime, string Name)
    : WeChatEvent(ToUserName, FromUserName, CreateTime, Name);
