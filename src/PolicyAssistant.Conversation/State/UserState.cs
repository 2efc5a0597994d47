using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.State;

/// <summary>State of one user on one channel, such as the household they bound to.</summary>
public sealed class UserState(IStorage storage, ILogger<UserState>? logger = null)
    : BotState(storage, logger ?? NullLogger<UserState>.Instance)
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        StateKeys.EnsurePresent(activity.ChannelId, activity.From.Id);
        return $"{activity.ChannelId}/users/{activity.From.Id}";
    }
}
