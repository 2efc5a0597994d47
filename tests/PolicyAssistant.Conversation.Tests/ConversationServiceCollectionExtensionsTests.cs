using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Conversation.State;
using PolicyAssistant.Conversation.Transcripts;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Conversation.Tests;

public sealed class ConversationServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddConversation_WithEfStorage_TurnIsTranscribedAndItsStateSaved()
    {
        using var database = TestDatabase.CreateSqlite();
        using (database.CreateContext())
        {
        }

        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddDbContextFactory<PolicyAssistantDbContext>(options => DatabaseSetup.Configure(options, database.Provider, database.ConnectionString))
            .AddSingleton(TestKeys.Protector)
            .AddConversation()
            .AddSingleton<ConversationKeys>()
            .AddSingleton<IStorage, EfStorage>()
            .AddSingleton<ITranscriptStore, EfTranscriptStore>()
            .AddSingleton<IBot, VisitCountingBot>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var processor = provider.GetRequiredService<TurnProcessor>();

        await processor.ProcessActivityAsync(TestFlow.Message("你好", "m1"), CancellationToken.None);
        var replies = await processor.ProcessActivityAsync(TestFlow.Message("你好", "m2"), CancellationToken.None);

        Assert.Equal("第2次来访", Assert.Single(replies).Text);
        var transcript = await provider.GetRequiredService<ITranscriptStore>().GetTranscriptAsync(TestFlow.ChannelId, TestFlow.ConversationId, CancellationToken.None);
        Assert.Equal(4, transcript.Count);
    }

    [Fact]
    public void AddConversation_CalledTwice_RegistersTranscriptThenErrorHandlingThenAutoSaveOnce()
    {
        var provider = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<IStorage, MemoryStorage>()
            .AddSingleton<ITranscriptStore, MemoryTranscriptStore>()
            .AddConversation()
            .AddConversation()
            .BuildServiceProvider();

        Assert.Equal(
            [typeof(TranscriptLoggerMiddleware), typeof(ErrorHandlingMiddleware), typeof(AutoSaveStateMiddleware)],
            provider.GetServices<IMiddleware>().Select(middleware => middleware.GetType()));
    }

    private sealed class VisitCountingBot(UserState userState) : IBot
    {
        private readonly IStatePropertyAccessor<int> _visits = userState.CreateProperty<int>("Visits");

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            var visits = await _visits.GetAsync(turnContext, () => 0, cancellationToken) + 1;
            await _visits.SetAsync(turnContext, visits, cancellationToken);
            await turnContext.SendTextAsync($"第{visits}次来访", cancellationToken);
        }
    }
}
