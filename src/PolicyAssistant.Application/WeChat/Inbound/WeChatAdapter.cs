using System.Text;
using PolicyAssistant.Application.WeChat.Protocol;
using PolicyAssistant.Conversation.Channels;

namespace PolicyAssistant.Application.WeChat.Inbound;

/// <summary>
/// What one turn sends on WeChat: a passive reply, and the replies that did not fit in it, to go out by
/// customer-service message or, where the account may not send those, with the user's next message.
/// </summary>
public sealed record WeChatOutgoing(WeChatReply Passive, IReadOnlyList<WeChatTextReply> Later);

/// <summary>
/// WeChat's edge of the turn engine: one conversation per follower (OpenID). A turn's replies go into the
/// passive reply while they fit in WeChat's 2,048 bytes; the rest are kept for later, never dropped.
/// </summary>
public sealed class WeChatAdapter(bool mayPushCustomerServiceMessages) : IChannelAdapter<WeChatRequestMessage, WeChatOutgoing>
{
    public const string ChannelId = "wechat";

    /// <summary>Added to a passive reply whose remainder waits for the user's next message.</summary>
    public const string MoreFollowsText = "（内容较长，请回复任意文字查看余下部分。）";

    public static class EventNames
    {
        public const string Subscribe = "subscribe";
        public const string Unsubscribe = "unsubscribe";
        public const string Click = "click";
        public const string View = "view";
    }

    public Activity ToActivity(WeChatRequestMessage request) => request switch
    {
        WeChatTextMessage text => Message(text, text.Content),
        WeChatVoiceMessage { Recognition: { } heard } voice => Message(voice, heard.Trim()),
        WeChatSubscribeEvent subscribe => Event(subscribe, EventNames.Subscribe, subscribe.EventKey),
        WeChatUnsubscribeEvent unsubscribe => Event(unsubscribe, EventNames.Unsubscribe, null),
        WeChatClickEvent click => Event(click, EventNames.Click, click.EventKey),
        WeChatViewEvent view => Event(view, EventNames.View, view.EventKey),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.GetType().Name, "This request does not go to the bot."),
    };

    public WeChatOutgoing ToOutgoing(IReadOnlyList<Activity> replies)
    {
        var spoken = replies.Where(reply => reply.Cards.Count > 0 || !string.IsNullOrWhiteSpace(reply.Text)).ToList();
        if (spoken.Count == 0) return new WeChatOutgoing(WeChatReply.Success, []);

        // A card is a passive reply of its own: the texts after it come later.
        if (spoken[0].Cards is [var card, ..])
        {
            return new WeChatOutgoing(new WeChatNewsReply(card), Later(spoken.Skip(1)));
        }

        var all = TurnReplies.JoinText(spoken.TakeWhile(reply => reply.Cards.Count == 0));
        if (spoken.All(reply => reply.Cards.Count == 0) && Fits(all))
        {
            return new WeChatOutgoing(new WeChatTextReply(all), []);
        }

        // Too long for one passive reply: as many whole replies as fit (the first one in any case), then the rest.
        var hint = mayPushCustomerServiceMessages ? "" : TurnReplies.Separator + MoreFollowsText;
        var taken = 1;
        while (taken < spoken.Count && spoken[taken].Cards.Count == 0 && Fits(TurnReplies.JoinText(spoken.Take(taken + 1)) + hint))
        {
            taken++;
        }

        var passive = TurnReplies.JoinText(spoken.Take(taken));
        if (taken == spoken.Count) return new WeChatOutgoing(new WeChatTextReply(WeChatReplyRenderer.TrimToBytes(passive, WeChatReplyRenderer.MaxTextBytes)), []);
        var trimmed = WeChatReplyRenderer.TrimToBytes(passive, WeChatReplyRenderer.MaxTextBytes - Encoding.UTF8.GetByteCount(hint));
        return new WeChatOutgoing(new WeChatTextReply(trimmed + hint), Later(spoken.Skip(taken)));
    }

    private static bool Fits(string text) => Encoding.UTF8.GetByteCount(text) <= WeChatReplyRenderer.MaxTextBytes;

    private static List<WeChatTextReply> Later(IEnumerable<Activity> replies) =>
        replies.Select(reply => reply.Cards is [var card, ..] ? new WeChatNewsReply(card).AsText() : reply.Text!.Trim())
            .Select(text => new WeChatTextReply(text))
            .ToList();

    private static Activity Message(WeChatUserMessage message, string text) => new()
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

    private static Activity Event(WeChatEvent wechatEvent, string name, string? value) => new()
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
