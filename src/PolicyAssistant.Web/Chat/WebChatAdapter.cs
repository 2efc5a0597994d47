using System.Text.Json;
using PolicyAssistant.Conversation.Channels;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Web.Chat;

/// <summary>
/// The web chat's edge of the turn engine: one conversation per user id, and every reply of a turn in the
/// response, both one by one and joined as on the other channels.
/// </summary>
public sealed class WebChatAdapter : IChannelAdapter<ChatRequest, ChatResponse>
{
    public const string ChannelId = "web";

    /// <summary>A validated request: both fields are there.</summary>
    public Activity ToActivity(ChatRequest request) =>
        Activity.CreateMessage(ChannelId, request.UserId!, new ChannelAccount(request.UserId!), new ChannelAccount("bot"), request.Text!);

    public ChatResponse ToOutgoing(IReadOnlyList<Activity> replies)
    {
        var each = replies.Select(ToReply).ToList();
        // The turn is what its last reply that says so is: an answer followed by an offer to bind is an answer.
        var decisive = replies.LastOrDefault(reply => reply.Kind is not null);
        return new ChatResponse(
            TurnReplies.JoinText(replies),
            each.SelectMany(r => r.Sources).DistinctBy(s => s.Id).ToList(),
            each.LastOrDefault()?.SuggestedReplies ?? [],
            each,
            KindName(decisive?.Kind),
            decisive?.Confident ?? false);
    }

    private static ChatReply ToReply(Activity reply) => new(
        reply.Text ?? "",
        reply.Sources.Select(s => new ChatSource(s.EntryId, s.Title, s.Source)).ToList(),
        reply.SuggestedReplies,
        KindName(reply.Kind),
        reply.Confident);

    private static string KindName(ReplyKind? kind) => JsonNamingPolicy.CamelCase.ConvertName((kind ?? ReplyKind.Dialog).ToString());
}
