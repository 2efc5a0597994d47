using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Conversation;

namespace PolicyAssistant.Application.Assistant;

public static class AssistantSetup
{
    /// <summary>The turn engine with state and transcripts in the database, and the policy bot behind it.</summary>
    public static IHostApplicationBuilder AddAssistant(this IHostApplicationBuilder builder)
    {
        builder.Services.AddConversation();
        builder.Services.AddEfConversationStorage();
        builder.Services.AddSingleton<FaqResponder>();
        builder.Services.AddSingleton<IBot, PolicyBot>();
        return builder;
    }
}
