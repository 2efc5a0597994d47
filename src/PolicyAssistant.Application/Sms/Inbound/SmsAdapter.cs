using PolicyAssistant.Conversation.Channels;

namespace PolicyAssistant.Application.Sms.Inbound;

/// <summary>
/// The SMS edge of the turn engine: one conversation per phone number, and a turn's replies as one answer text,
/// which the sender then fits into a few segments (the rest waits for "1").
/// </summary>
public sealed class SmsAdapter : IChannelAdapter<SmsInboundMessage, string>
{
    public const string ChannelId = "sms";

    public Activity ToActivity(SmsInboundMessage request) => new()
    {
        Type = ActivityTypes.Message,
        Id = request.SequenceId,
        ChannelId = ChannelId,
        ConversationId = request.PhoneNumber,
        From = new ChannelAccount(request.PhoneNumber),
        Recipient = new ChannelAccount(request.DestCode ?? ChannelId, request.SignName),
        Timestamp = new DateTimeOffset(request.SentAt ?? request.ReceivedAt, TimeSpan.Zero),
        Text = request.Content.Trim(),
    };

    public string ToOutgoing(IReadOnlyList<Activity> replies) => TurnReplies.JoinText(replies);
}
