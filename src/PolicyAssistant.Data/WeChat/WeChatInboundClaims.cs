using Microsoft.EntityFrameworkCore;

namespace PolicyAssistant.Data.WeChat;

/// <summary>A message's row and which attempt at it this is: 1 for the first, which owns the turn.</summary>
public sealed class WeChatInboundClaim
{
    public long Id { get; set; }

    public int Attempts { get; set; }
}

public static class WeChatInboundClaims
{
    /// <summary>
    /// Inserts the message's row, or counts one more attempt when WeChat already sent it, in one statement:
    /// every message takes this path, and a tracked insert that may fail on the unique key, followed by an
    /// update and a read, costs several times as much. The SQL is the same on SQLite and PostgreSQL.
    /// </summary>
    public static async Task<WeChatInboundClaim> ClaimWeChatInboundAsync(
        this PolicyAssistantDbContext db, string dedupeKey, string userKey, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var receivedAtMs = receivedAt.ToUnixTimeMilliseconds(); // as UtcTimestampConverter stores it
        const string pending = nameof(WeChatInboundState.Pending);
        // Not composed with FirstAsync: EF would wrap the statement in a SELECT, which no database accepts.
        var rows = await db.Database.SqlQuery<WeChatInboundClaim>($"""
            INSERT INTO "WeChatInboundMessages" ("DedupeKey", "UserKey", "ReceivedAt", "State", "Attempts")
            VALUES ({dedupeKey}, {userKey}, {receivedAtMs}, {pending}, 1)
            ON CONFLICT ("DedupeKey") DO UPDATE SET "Attempts" = "WeChatInboundMessages"."Attempts" + 1
            RETURNING "Id", "Attempts"
            """).ToListAsync(cancellationToken);
        return rows[0];
    }
}
