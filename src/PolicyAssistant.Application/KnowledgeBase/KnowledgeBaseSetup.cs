using Microsoft.Extensions.Configuration;
using PolicyAssistant.Application.Startup;
using PolicyAssistant.Knowledge.Analysis;
using PolicyAssistant.Knowledge.Answers;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Application.KnowledgeBase;

public static class KnowledgeBaseSetup
{
    /// <summary>The knowledge base: import from content/, the live index, answer selection and staff edits.</summary>
    public static IHostApplicationBuilder AddKnowledgeBase(this IHostApplicationBuilder builder, string contentFolder)
    {
        var services = builder.Services;
        services.AddSingleton(new ContentFolder(contentFolder));
        services.AddSingleton(builder.Configuration.GetSection("Answers").Get<AnswerOptions>() ?? new AnswerOptions());

        // Empty until the start-up task loads the entries and word lists from the database.
        services.AddSingleton(_ => new KnowledgeIndex(KnowledgeVocabulary.Empty));
        services.AddSingleton<AnswerSelector>();
        services.AddSingleton<KnowledgeBaseLoader>();
        services.AddSingleton<RecordUnansweredQuestionCommand>();
        services.AddScoped<EditKnowledgeBaseCommand>();
        services.AddScoped<ResolveUnansweredQuestionCommand>();
        services.AddScoped<IStartupTask, ImportContentTask>();
        services.AddScoped<IStartupTask, BuildSearchIndexTask>();
        return builder;
    }
}
