using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Startup;
using PolicyAssistant.Knowledge.Analysis;
using PolicyAssistant.Knowledge.Answers;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Application.KnowledgeBase;

public static class KnowledgeBaseSetup
{
    /// <summary>The knowledge base: import from content/, the live index kept in step across instances, answer selection, staff edits and hit counts.</summary>
    public static IHostApplicationBuilder AddKnowledgeBase(this IHostApplicationBuilder builder, string contentFolder)
    {
        var services = builder.Services;
        services.AddSingleton(new ContentFolder(contentFolder));
        services.AddOptions<AnswerOptions>().BindConfiguration("Answers");
        // The Knowledge library's answer selector takes its options as a plain object.
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<AnswerOptions>>().Value);
        services.AddOptions<KnowledgeBaseOptions>().BindConfiguration("KnowledgeBase");

        // Empty until the start-up task loads the entries and word lists from the database.
        services.AddSingleton(_ => new KnowledgeIndex(KnowledgeVocabulary.Empty));
        services.AddSingleton<AnswerSelector>();
        services.AddSingleton<KnowledgeBaseLoader>();
        services.AddSingleton<KnowledgeEntryHitCounter>();
        services.AddSingleton<RecordUnansweredQuestionCommand>();
        services.AddSingleton<TestKnowledgeQuestionQuery>();
        services.AddScoped<EditKnowledgeBaseCommand>();
        services.AddScoped<ResolveUnansweredQuestionCommand>();
        services.AddScoped<GetUnansweredGroupsQuery>();
        services.AddScoped<GetKnowledgeHistoryQuery>();
        services.AddScoped<IStartupTask, ImportContentTask>();
        services.AddScoped<IStartupTask, BuildSearchIndexTask>();
        services.AddScoped<IStartupTask, GroupUnansweredQuestionsTask>();
        services.AddHostedService<KnowledgeBaseRevisionWorker>();
        services.AddHostedService<KnowledgeEntryHitFlushWorker>();
        return builder;
    }
}
