using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.WeChat.Inbound;

/// <summary>The one statement that takes each WeChat message: first attempt, retries, and answers owed to the user.</summary>
public sealed class WeChatInboundClaimsTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Claim_NewMessage_IsTheFirstAttempt(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var db = database.CreateContext();

        var claim = await db.ClaimWeChatInboundAsync("wx1:1001", "user-a", ReceivedAt, CancellationToken.None);

        var row = db.Set<WeChatInboundMessage>().Single();
        Assert.Equal((row.Id, 1, false, WeChatInboundState.Pending, ReceivedAt), (claim.Id, claim.Attempts, claim.AnswersOwed, row.State, row.ReceivedAt));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Claim_SameMessageAgain_CountsTheRetryOnTheSameRow(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var db = database.CreateContext();
        var first = await db.ClaimWeChatInboundAsync("wx1:1001", "user-a", ReceivedAt, CancellationToken.None);

        var retry = await db.ClaimWeChatInboundAsync("wx1:1001", "user-a", ReceivedAt.AddSeconds(5), CancellationToken.None);

        Assert.Equal((first.Id, 2, 1), (retry.Id, retry.Attempts, db.Set<WeChatInboundMessage>().Count()));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Claim_UserOwedAnAnswer_SaysSo(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var db = database.CreateContext();
        db.Add(new WeChatInboundMessage { DedupeKey = "wx1:1001", UserKey = "user-a", State = WeChatInboundState.AwaitingNextMessage, ReplyText = "答" });
        await db.SaveChangesAsync();

        var owedToA = await db.ClaimWeChatInboundAsync("wx1:1002", "user-a", ReceivedAt, CancellationToken.None);
        var owedToB = await db.ClaimWeChatInboundAsync("wx1:1003", "user-b", ReceivedAt, CancellationToken.None);

        Assert.Equal((true, false), (owedToA.AnswersOwed, owedToB.AnswersOwed));
    }
}
