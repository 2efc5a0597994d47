using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.WeChat.Inbound;

/// <summary>The one statement that takes each WeChat message: first attempt, retries, and answers owed to the user.</summary>
public sealed class WeChatInboundClaimsTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Claim_NewMessage_IsTheFirstAttempt(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var db = database.CreateContext();

        var claim = await ClaimAsync(db, "wx1:1001", "user-a", ReceivedAt);

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
        var first = await ClaimAsync(db, "wx1:1001", "user-a", ReceivedAt);

        var retry = await ClaimAsync(db, "wx1:1001", "user-a", ReceivedAt.AddSeconds(5));

        Assert.Equal((first.Id, 2, 1), (retry.Id, retry.Attempts, db.Set<WeChatInboundMessage>().Count()));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Claim_RetryWhileTheOwnerHoldsTheLease_LeavesTheTurnToIt(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var db = database.CreateContext();
        var first = await ClaimAsync(db, "wx1:1001", "user-a", ReceivedAt, owner: "first");

        var retry = await ClaimAsync(db, "wx1:1001", "user-a", ReceivedAt.AddSeconds(1), owner: "retry");

        Assert.Equal((true, false), (first.OwnsTurn, retry.OwnsTurn));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Claim_RetryAfterTheLeaseRanOutWithNoAnswer_TakesTheTurnOver(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var db = database.CreateContext();
        await ClaimAsync(db, "wx1:1001", "user-a", ReceivedAt, owner: "crashed");

        var retry = await ClaimAsync(db, "wx1:1001", "user-a", ReceivedAt.AddSeconds(5), owner: "retry");

        Assert.Equal((true, "retry"), (retry.OwnsTurn, db.Set<WeChatInboundMessage>().Select(m => m.LeaseOwner).Single()));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Claim_RetryAfterTheAnswerWasStored_NeverRunsTheTurnAgain(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var db = database.CreateContext();
        var first = await ClaimAsync(db, "wx1:1001", "user-a", ReceivedAt, owner: "first");
        await db.Set<WeChatInboundMessage>().Where(m => m.Id == first.Id).ExecuteUpdateAsync(set => set.SetProperty(m => m.ReplyXml, "<xml/>"));

        var retry = await ClaimAsync(db, "wx1:1001", "user-a", ReceivedAt.AddSeconds(10), owner: "retry");

        Assert.False(retry.OwnsTurn);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Claim_SignatureThatBroughtAnotherMessage_IsAReplay(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var db = database.CreateContext();
        await ClaimAsync(db, "wx1:1001", "user-a", ReceivedAt, signatureKey: "one-signed-url");

        await Assert.ThrowsAsync<WeChatReplayException>(() => ClaimAsync(db, "wx1:1002", "user-b", ReceivedAt, signatureKey: "one-signed-url"));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Claim_UserOwedAnAnswer_SaysSo(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        await using var db = database.CreateContext();
        db.Add(new WeChatInboundMessage { DedupeKey = "wx1:1001", UserKeyHash = "user-a", State = WeChatInboundState.AwaitingNextMessage, ReplyText = "答" });
        await db.SaveChangesAsync();

        var owedToA = await ClaimAsync(db, "wx1:1002", "user-a", ReceivedAt);
        var owedToB = await ClaimAsync(db, "wx1:1003", "user-b", ReceivedAt);

        Assert.Equal((true, false), (owedToA.AnswersOwed, owedToB.AnswersOwed));
    }

    private static Task<WeChatInboundClaim> ClaimAsync(
        PolicyAssistantDbContext db, string dedupeKey, string userKey, DateTimeOffset at, string owner = "owner", string? signatureKey = null) =>
        db.ClaimWeChatInboundAsync(dedupeKey, userKey, signatureKey ?? $"signed:{dedupeKey}", at, owner, at + Lease, CancellationToken.None);
}
