using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Conversation.Transcripts;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The turn engine without its storage: conversation and user state, the pipeline (transcript,
    /// error handling, auto-save, in that order) and the <see cref="TurnProcessor"/>. The host adds an
    /// <see cref="IStorage"/> and an <see cref="ITranscriptStore"/> (the product keeps both in its database: AddAssistant) and an
    /// <see cref="IBot"/>. Middleware registered later runs after these, just before the bot.
    /// </summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.TryAddSingleton<ConversationState>();
        services.TryAddSingleton<UserState>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<BotState, ConversationState>(provider => provider.GetRequiredService<ConversationState>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<BotState, UserState>(provider => provider.GetRequiredService<UserState>()));

        // Transcript outermost so it also records the apology; auto-save innermost so a failed turn saves nothing.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMiddleware, TranscriptLoggerMiddleware>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMiddleware, ErrorHandlingMiddleware>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMiddleware, AutoSaveStateMiddleware>());

        services.TryAddSingleton<TurnProcessor>();
        return services;
    }
}
