using PolicyAssistant.Application.WeChat.Protocol;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Application.WeChat.Inbound;

/// <summary>Turns WeChat requests into the turn engine's activities: one conversation per follower (OpenID).</summary>
public static class WeChatActivities
{
    public const string ChannelId = "wechat";

    public static class EventNames
    {
        public const string Subscribe = "subscribe";
        public const string Unsubscribe = "unsubscribe";
        public const string Click = "click";
        public const string View = "view";
    }

    public static Activity FromMessage(WeChatUserMessage message, string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = message.MsgId,
        ChannelId = ChannelId,
        ConversationId = message.FromUserName,
        From = new ChannelAccount(message.FromUserName),
        Recipient = new ChannelAccount(message.ToUserName),
        Timestamp = DateTimeOffset.FromUnixTimeSeconds(message.CreateTime),
        Text = text,
    };

    public static Activity FromEvent(WeChatEvent wechatEvent, string name, string? value) => new()
    {
        Type = ActivityTypes.Event,
        ChannelId = ChannelId,
        ConversationId = wechatEvent.FromUserName,
        From = new ChannelAccount(wechatEvent.FromUserName),
        Recipient = new ChannelAccount(wechatEvent.ToUserName),
        Timestamp = DateTimeOffset.FromUnixTimeSeconds(wechatEvent.CreateTime),
        Name = name,
        Value = string.IsNullOrEmpty(value) ? null : value,
    };
}
