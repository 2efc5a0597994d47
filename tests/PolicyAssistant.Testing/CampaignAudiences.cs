using PolicyAssistant.Application.Campaigns;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Testing;

/// <summary>A campaign's audience for tests and benchmarks: one village of registered-poor households, each of one member.</summary>
public static class CampaignAudiences
{
    /// <summary>
    /// Members 0 to <paramref name="followers"/> − 1 are bound on WeChat and follow the account; the next
    /// <paramref name="phoneOnly"/> have a phone only. Every member has a phone and a distinct, valid ID number.
    /// </summary>
    public static async Task SeedVillageAsync(
        PolicyAssistantDbContext db, PersonalDataProtector protector, int followers, int phoneOnly, Func<int, string> openIdOf, Func<int, string> phoneOf, DateTime now)
    {
        var county = new Region { Code = "450223", Name = "鹿寨县", Level = RegionLevel.County };
        var township = new Region { Code = "450223101", Name = "鹿寨镇", Level = RegionLevel.Township, Parent = county };
        var village = new Region { Code = "450223101201", Name = "石路村", Level = RegionLevel.Village, Parent = township };
        db.AddRange(county, township, village);
        for (var i = 0; i < followers + phoneOnly; i++)
        {
            var member = Member.Create($"韦{i}秀", RelationToHead.Self, IdNumber.Parse(IdNumberFor(i)), PhoneNumber.Parse(phoneOf(i)), protector);
            db.Add(new Household { Village = village, Address = $"{i}号", IsRegisteredPoor = true, Members = [member] });
            if (i < followers)
            {
                var openId = openIdOf(i);
                var user = ChannelUser.Of(new Activity { Type = ActivityTypes.Message, ChannelId = WeChatAdapter.ChannelId, From = new ChannelAccount(openId), Recipient = new ChannelAccount("gh"), ConversationId = openId }, protector);
                db.Add(new IdentityBinding { ChannelId = user.ChannelId, UserKeyHash = user.UserKeyHash, Member = member, BoundAt = now });
                db.Add(new WeChatFollower { UserKeyHash = user.UserKeyHash, OpenIdCiphertext = protector.Protect(WeChatFollower.OpenIdPurpose, openId), Subscribed = true, LastMessageAt = now });
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A distinct, valid ID number for every <paramref name="i"/>: the birth date moves a day every thousand.</summary>
    public static string IdNumberFor(int i)
    {
        var body = $"450223{new DateOnly(1950, 1, 1).AddDays(i / 1000):yyyyMMdd}{i % 1000:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, k) => (c - '0') * weights[k]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
