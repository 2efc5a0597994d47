using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.State;

/// <summary>State of one conversation (one user on one channel): the dialog stack and what it collected.</summary>
public sealed class ConversationState(IStorage storage, ILogger<ConversationState>? logger = null)
    : BotState(storage, logger ?? NullLogger<ConversationState>.Instance)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        StateKeys.EnsurePresent(activity.ChannelId, activity.ConversationId);
        return $"{activity.ChannelId}/conversations/{activity.ConversationId}";
    }
}

internal static class StateKeys
{
    public static void EnsurePresent(string channelId, string id)
    {
        if (string.IsNullOrWhiteSpace(channelId) || string.IsNullOrWhiteSpace(id))
        {
            throw new InvalidOperationException("The activity has no channel or no id to key its state by: the channel adapter must set both.");
        }
    }
}
