using PolicyAssistant.Application.Households;
using PolicyAssistant.Application.WeChat.Inbound;

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
/// a message refreshes the last-message time. Writes only when something changed or an hour has passed,
/// so a busy conversation costs one indexed read per turn.
/// </summary>
public sealed class WeChatFollowerMiddleware(IDbContextFactory<PolicyAssistantDbContext> dbFactory, PersonalDataProtector protector, TimeProvider clock) : IMiddleware
{
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
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var follower = await db.Set<WeChatFollower>().FirstOrDefaultAsync(f => f.UserKeyHash == hash, cancellationToken);
        if (follower is null)
        {
            db.Add(new WeChatFollower
            {
                UserKeyHash = hash,
                OpenIdCiphertext = protector.Protect(WeChatFollower.OpenIdPurpose, activity.From.Id),
                Subscribed = subscribed,
                LastMessageAt = wrote ? now : DateTime.UnixEpoch,
            });
        }
        else if (follower.Subscribed != subscribed || (wrote && now - follower.LastMessageAt > TimeSpan.FromHours(1)))
        {
            follower.Subscribed = subscribed;
            follower.LastMessageAt = wrote ? now : follower.LastMessageAt;
        }
        else
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
