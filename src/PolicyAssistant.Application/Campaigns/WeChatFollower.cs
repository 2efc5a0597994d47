using PolicyAssistant.Application.Households;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Knowledge.Search;

namespace PolicyAssistant.Application.Campaigns;

/// <summary>
/// A WeChat user as campaigns need them: the OpenID (encrypted; bindings keep only its hash), whether they
/// still follow the account, and when they last wrote (customer-service messages are allowed for 48 hours).
/// </summary>
public sealed class WeChatFollower
{
    public const string OpenIdPurpose = "wechat-openid";

    /// <summary>The same keyed hash as <see cref="ChannelUser.UserKeyHash"/>, so it joins the bindings.</summary>
    public required string UserKeyHash { get; set; }

    public required string OpenIdCiphertext { get; set; }

    public bool Subscribed { get; set; }

    /// <summary>UTC; kept to the hour, which is all the 48-hour window needs.</summary>
    public DateTime LastMessageAt { get; set; }
}

/// <summary>
/// Notes each WeChat user the turns see: follow and unfollow change <see cref="WeChatFollower.Subscribed"/>,
/// a message refreshes the last-message time. Writes only when something changed or an hour has passed, and
/// remembers what it noted, so a busy conversation costs no database access at all for most of its turns.
/// </summary>
public sealed class WeChatFollowerMiddleware(IDbContextFactory<PolicyAssistantDbContext> dbFactory, PersonalDataProtector protector, TimeProvider clock) : IMiddleware
{
    private static readonly TimeSpan Refresh = TimeSpan.FromHours(1);

    /// <summary>
    /// Subscribed followers' last-message time as stored, by user key hash. Only plain messages are answered from it:
    /// follow and unfollow events always reach the database, since another instance may have seen the last one.
    /// </summary>
    private readonly StartingOverCache<string, DateTime> _noted = new(100_000);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId == WeChatAdapter.ChannelId)
        {
            await NoteAsync(activity, cancellationToken);
        }

        await next(cancellationToken);
    }

    private async Task NoteAsync(Activity activity, CancellationToken cancellationToken)
    {
        var subscribed = !(activity.Type == ActivityTypes.Event && activity.Name == WeChatAdapter.EventNames.Unsubscribe);
        var wrote = activity.Type == ActivityTypes.Message;
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = ChannelUser.Of(activity, protector).UserKeyHash;
        if (wrote && _noted.TryGetValue(hash, out var noted) && now - noted <= Refresh)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var follower = await db.Set<WeChatFollower>().FirstOrDefaultAsync(f => f.UserKeyHash == hash, cancellationToken);
        var changed = follower is null || follower.Subscribed != subscribed || (wrote && now - follower.LastMessageAt > Refresh);
        if (follower is null)
        {
            follower = new WeChatFollower
            {
                UserKeyHash = hash,
                OpenIdCiphertext = protector.Protect(WeChatFollower.OpenIdPurpose, activity.From.Id),
                Subscribed = subscribed,
                LastMessageAt = wrote ? now : DateTime.UnixEpoch,
            };
            db.Add(follower);
        }
        else if (changed)
        {
            follower.Subscribed = subscribed;
            follower.LastMessageAt = wrote ? now : follower.LastMessageAt;
        }

        if (subscribed)
        {
            _noted.Set(hash, follower.LastMessageAt);
        }
        else
        {
            _noted.Remove(hash);
        }

        if (!changed)
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // The same user's other turn noted them first.
        }
    }
}
