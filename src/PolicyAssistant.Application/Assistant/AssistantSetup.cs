using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Assistant.Keywords;
using PolicyAssistant.Conversation;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Conversation.Transcripts;

namespace PolicyAssistant.Application.Assistant;

public static class AssistantSetup
{
    /// <summary>
    /// The turn engine with state and transcripts in the database (keyed by keyed hashes of the users' ids, so it
    /// needs the personal-data protector from AddHouseholds), and the policy bot behind it with its keyword rules.
    /// </summary>
    public static IHostApplicationBuilder AddAssistant(this IHostApplicationBuilder builder)
    {
        builder.Services.AddConversation();
        builder.Services.AddSingleton<ConversationKeys>();
        builder.Services.AddSingleton<IStorage, EfStorage>();
        builder.Services.AddSingleton<ITranscriptStore, EfTranscriptStore>();
        builder.Services.AddSingleton<FaqResponder>();
        builder.Services.AddSingleton<KeywordRuleCache>();
        builder.Services.AddSingleton<KeywordReplies>();
        builder.Services.AddScoped<EditKeywordRulesCommand>();
        builder.Services.AddSingleton<IBot, PolicyBot>();
        return builder;
    }
}
