using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Web.Tests.Chat;

/// <summary>ID and mobile numbers typed in any form reach neither the transcripts, the unanswered questions nor the log whole.</summary>
public sealed class PersonalDataMaskingTests : IClassFixture<PersonalDataMaskingTests.Product>
{
    private readonly Product _product;

    public PersonalDataMaskingTests(Product product) => _product = product;

    public sealed class Product : IDisposable
    {
        private readonly ProductFactory _factory = new();

        public Product() => Factory = _factory.WithWebHostBuilder(web => web.ConfigureLogging(logging => logging.AddProvider(Log)));

        public WebApplicationFactory<Program> Factory { get; }

        public CapturedLog Log { get; } = new();

        public void Dispose()
        {
            Factory.Dispose();
            _factory.Dispose();
        }
    }

    // Each form, digits that must not be stored, and what is stored instead.
    public static TheoryData<string, string, string> Forms => new()
    {
        { "450223 19800101 123X", "19800101", "4502**********123X" },
        { "450223-19800101-123X", "19800101", "4502**********123X" },
        { "４５０２２３１９８００１０１１２３Ｘ", "１９８００１０１", "4502**********123X" },
        { "139 0000 1111", "0000 1111", "139****1111" },
        { "139-0000-1111", "0000-1111", "139****1111" },
        { "１３９００００１１１１", "００００１１１１", "139****1111" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Transcript_NumberAsTyped_IsStoredMasked(string number, string secret, string masked)
    {
        var (user, _) = await AskAsync(number);

        var text = await WaitForAsync(db => db.Set<TranscriptRecord>()
            .Where(r => r.ConversationId == user && r.Direction == PolicyAssistant.Conversation.Transcripts.TranscriptDirection.Incoming)
            .Select(r => r.Text!));

        Assert.Equal((false, true), (text.Contains(secret), text.Contains(masked)));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task UnansweredQuestion_NumberAsTyped_IsStoredMasked(string number, string secret, string masked)
    {
        var (_, tag) = await AskAsync(number);

        var text = await WaitForAsync(db => db.Set<UnansweredQuestion>().Where(q => q.Text.Contains(tag)).Select(q => q.Text));

        Assert.Equal((false, true), (text.Contains(secret), text.Contains(masked)));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Log_NumberAsTyped_IsNeverWritten(string number, string secret, string masked)
    {
        _ = masked;
        var (user, _) = await AskAsync(number);
        await WaitForAsync(db => db.Set<TranscriptRecord>().Where(r => r.ConversationId == user).Select(r => r.Text!));

        Assert.DoesNotContain(_product.Log.Messages, message => message.Contains(secret));
    }

    /// <summary>Asks an out-of-scope question with the number in it, tagged so its unanswered row can be found.</summary>
    private async Task<(string StoredConversationId, string Tag)> AskAsync(string number)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var tag = "编号" + string.Concat(id.Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        await ChatClient.AskAsync(_product.Factory, "mask-" + id, $"北京的医保怎么报销，{tag}，我的号码{number}");
        // Transcripts are keyed by a keyed hash of the user id: look the rows up the way the product writes them.
        return (_product.Factory.Services.GetRequiredService<ConversationKeys>().Of("mask-" + id), tag);
    }

    // Transcripts and unanswered questions are written after the reply has gone out.
    private async Task<string> WaitForAsync(Func<PolicyAssistantDbContext, IQueryable<string>> query)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var scope = _product.Factory.Services.CreateScope();
            if (await query(scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>()).FirstOrDefaultAsync() is { } text)
            {
                return text;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The row was not written within 10 s.");
    }

    public sealed class CapturedLog : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + exception);
        }
    }
}
