using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyAssistant.Application.Assistant;
using PolicyAssistant.Application.Households.BackOffice;

namespace PolicyAssistant.Application.Awareness;

public static class AwarenessSetup
{
    /// <summary>The awareness quiz: its editing and report for the back office, and its dialog, intent and offer in the bot (AddAssistant).</summary>
    public static IHostApplicationBuilder AddAwareness(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<EditQuizCommand>();
        services.AddScoped<GetAwarenessReportQuery>();
        services.TryAddScoped<FindRegionQuery>();
        services.AddSingleton<RecordQuizAttemptCommand>();
        services.AddSingleton<FindOpenQuizQuery>();
        services.AddSingleton<Dialog, QuizDialog>();
        services.AddSingleton<IAssistantIntent, QuizIntent>();
        services.AddSingleton<IAnswerOffer, QuizOffer>();
        return builder;
    }
}
