using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Assistant.Keywords;
using PolicyAssistant.Conversation;

namespace PolicyAssistant.Application.Assistant;

public static class AssistantSetup
{
    /// <summary>The turn engine with state and transcripts in the database, and the policy bot behind it with its keyword rules.</summary>
    public static IHostApplicationBuilder AddAssistant(this IHostApplicationBuilder builder)
    {
        builder.Services.AddConversation();
        builder.Services.AddEfConversationStorage();
        builder.Services.AddSingleton<FaqResponder>();
        builder.Services.AddSingleton<KeywordRuleCache>();
        builder.Services.AddSingleton<KeywordReplies>();
        builder.Services.AddScoped<EditKeywordRulesCommand>();
        builder.Services.AddSingleton<IBot, PolicyBot>();
        return builder;
    }
}
