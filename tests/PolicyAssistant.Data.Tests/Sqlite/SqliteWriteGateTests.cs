using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Data.Sms;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Data.Tests.Sqlite;

/// <summary>The in-process queue of SQLite writers, on a real SQLite file.</summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task SaveChanges_AfterAConcurrencyConflict_TheNextWriterIsNotKeptWaiting()
    {
        using var database = TestDatabase.CreateSqlite();
        await using (var seed = database.CreateContext())
        {
            seed.Add(new SmsOutboundMessage { OutId = "reply-1", PhoneNumber = "13800138000", Text = "答", SignName = "鹿寨县卫健局", Status = SmsOutboundStatus.Queued });
            await seed.SaveChangesAsync();
        }

        await using var loser = database.CreateContext();
        var stale = await loser.Set<SmsOutboundMessage>().SingleAsync();
        await using (var winner = database.CreateContext())
        {
            (await winner.Set<SmsOutboundMessage>().SingleAsync()).Status = SmsOutboundStatus.Sending;
            await winner.SaveChangesAsync();
        }

        stale.Status = SmsOutboundStatus.Failed;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => loser.SaveChangesAsync());

        // A leaked gate shows as this save waiting until the token gives up.
        await using var next = database.CreateContext();
        (await next.Set<SmsOutboundMessage>().SingleAsync()).Status = SmsOutboundStatus.Accepted;
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await next.SaveChangesAsync(giveUp.Token));
    }
}
