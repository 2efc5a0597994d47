using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.Channels;

/// <summary>
/// The edge every channel (web chat, WeChat, SMS) shares with the turn engine: the channel's request becomes
/// one <see cref="Activity"/>, keyed by its user, and the replies of the turn become what the channel can send.
/// </summary>
/// <typeparam name="TRequest">What the channel received, already verified and parsed.</typeparam>
/// <typeparam name="TOutgoing">What the channel sends back for one turn.</typeparam>
public interface IChannelAdapter<in TRequest, out TOutgoing>
{
    Activity ToActivity(TRequest request);

    /// <summary>Every reply of the turn, in order: a channel may split or defer them, never drop one.</summary>
    TOutgoing ToOutgoing(IReadOnlyList<Activity> replies);
}

/// <summary>How the replies of one turn read as one message, the same on every channel.</summary>
public static class TurnReplies
{
    public const string Separator = "\n\n";

    /// <summary>The non-empty reply texts, trimmed, in order, one blank line apart.</summary>
    public static string JoinText(IEnumerable<Activity> replies) => JoinText(replies.Select(reply => reply.Text));

    public static string JoinText(IEnumerable<string?> texts) =>
        string.Join(Separator, texts.Select(text => text?.Trim()).Where(text => !string.IsNullOrEmpty(text)));
}
