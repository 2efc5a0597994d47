using PolicyAssistant.Application.Assistant;

namespace PolicyAssistant.Application.Tickets;

public static class TicketsSetup
{
    /// <summary>
    /// 转人工 tickets: the bot's intent that opens them, and the back office's queries and answers. Options from section
    /// "Tickets" (office hours). Answers go out through the WeChat API client (AddWeChat) and the SMS outbox (AddSms).
    /// </summary>
    public static IHostApplicationBuilder AddTickets(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TicketOptions>().BindConfiguration(TicketOptions.SectionName);
        services.AddSingleton<OpenTicketCommand>();
        services.AddSingleton<IAssistantIntent, HumanRequestIntent>();
        services.AddScoped<GetTicketsQuery>();
        services.AddScoped<AnswerTicketCommand>();
        return builder;
    }
}
