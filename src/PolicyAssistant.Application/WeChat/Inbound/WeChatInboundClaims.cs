namespace PolicyAssistant.Application.WeChat.Inbound;

/// <summary>A message's row and which attempt at it this is: 1 for the first, which owns the turn.</summary>
public sealed class WeChatInboundClaim
{
    public long Id { get; set; }

    public int Attempts { get; set; }

    /// <summary>This claim runs the turn: the first attempt, or a retry that took over an abandoned turn.</summary>
    public bool OwnsTurn { get; set; }

    /// <summary>Some earlier message's answer waits for this user's next message (it may still be on its way).</summary>
    public bool AnswersOwed { get; set; }
}

public static class WeChatInboundClaims
{
    /// <summary>
    /// Inserts the message's row, or counts one more attempt when WeChat already sent it, in one statement:
    /// every message takes this path, and a tracked insert that may fail on the unique key, followed by an
    /// update and a read, costs several times as much. The SQL is the same on SQLite and PostgreSQL.
    /// It also says whether answers are owed to the user, so that the usual message, to whom nothing is owed,
    /// spares a query for them after its turn. The owed state is written out, not bound as a parameter, so that
    /// the index holding just the owed rows serves even a plan PostgreSQL keeps for a prepared statement.
    /// A retry that finds no answer stored and the owner's lease run out takes the lease, in the same statement
    /// (both databases evaluate every SET expression against the row as it was), and reruns the turn.
    /// A signature already used for another message breaks the unique key on <see cref="WeChatInboundMessage.SignatureKey"/>:
    /// that is a replay, refused with <see cref="WeChatReplayException"/>.
    /// </summary>
    public static async Task<WeChatInboundClaim> ClaimWeChatInboundAsync(
        this PolicyAssistantDbContext db, string dedupeKey, string userKeyHash, string? signatureKey, DateTimeOffset receivedAt, string leaseOwner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var receivedAtMs = receivedAt.ToUnixTimeMilliseconds(); // as UtcTimestampConverter stores it
        var leaseUntilMs = leaseUntil.ToUnixTimeMilliseconds();
        const string pending = nameof(WeChatInboundState.Pending);
        FormattableString claim = $"""
            INSERT INTO "WeChatInboundMessages" ("DedupeKey", "UserKeyHash", "SignatureKey", "ReceivedAt", "State", "Attempts", "LeaseOwner", "LeaseUntil")
            VALUES ({dedupeKey}, {userKeyHash}, {signatureKey}, {receivedAtMs}, {pending}, 1, {leaseOwner}, {leaseUntilMs})
            ON CONFLICT ("DedupeKey") DO UPDATE SET
                "Attempts" = "WeChatInboundMessages"."Attempts" + 1,
                "LeaseOwner" = CASE WHEN "WeChatInboundMessages"."ReplyXml" IS NULL AND COALESCE("WeChatInboundMessages"."LeaseUntil", 0) < {receivedAtMs}
                    THEN excluded."LeaseOwner" ELSE "WeChatInboundMessages"."LeaseOwner" END,
                "LeaseUntil" = CASE WHEN "WeChatInboundMessages"."ReplyXml" IS NULL AND COALESCE("WeChatInboundMessages"."LeaseUntil", 0) < {receivedAtMs}
                    THEN excluded."LeaseUntil" ELSE "WeChatInboundMessages"."LeaseUntil" END
            RETURNING "Id", "Attempts", COALESCE("LeaseOwner" = {leaseOwner}, FALSE) AS "OwnsTurn", EXISTS (
                SELECT 1 FROM "WeChatInboundMessages" AS "Owed"
                WHERE "Owed"."UserKeyHash" = {userKeyHash} AND "Owed"."State" = 'AwaitingNextMessage') AS "AnswersOwed"
            """;
        try
        {
            var rows = await db.QueryGroupedAsync(claim, row => new WeChatInboundClaim
            {
                Id = row.GetInt64(0),
                Attempts = row.GetInt32(1),
                OwnsTurn = row.GetBoolean(2),
                AnswersOwed = row.GetBoolean(3),
            }, cancellationToken);
            return rows[0];
        }
        catch (Exception exception) when (exception.IsUniqueViolation())
        {
            throw new WeChatReplayException();
        }
    }
}

/// <summary>A signed URL came back with a message other than the one it was signed for.</summary>
public sealed class WeChatReplayException() : Exception("A WeChat request signature was used again for another message.");
