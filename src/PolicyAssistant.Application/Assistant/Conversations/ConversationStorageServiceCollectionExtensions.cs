using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Conversation.Transcripts;

namespace PolicyAssistant.Application.Assistant.Conversations;

public static class ConversationStorageServiceCollectionExtensions
{
    /// <summary>
    /// State and transcripts in the product database, keyed by keyed hashes of the users' ids. Needs an
    /// <c>IDbContextFactory&lt;PolicyAssistantDbContext&gt;</c> (AddDbContextFactory), since both are singletons,
    /// and the personal-data protector (AddHouseholds).
    /// </summary>
    public static IServiceCollection AddEfConversationStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<ConversationKeys>();
        services.TryAddSingleton<IStorage, EfStorage>();
        services.TryAddSingleton<ITranscriptStore, EfTranscriptStore>();
        return services;
    }
}
