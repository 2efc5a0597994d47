using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Sms.Gateways;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Application.Tests.Support;
using PolicyAssistant.Application.Tickets;
using PolicyAssistant.Conversation.Transcripts;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Tickets;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Tickets;

/// <summary>转人工 tickets: raised through the real bot, answered through the WeChat fake or the SMS outbox.</summary>
public sealed class TicketTests : IAsyncLifetime
{
    private static readonly TicketViewer Administrator = new(new StaffScope(1, []), IsAdministrator: true);

    private FakeWeChatApi _api = null!;
    private AssistantHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeWeChatApi.StartAsync();
        _host = await AssistantHost.StartAsync(settings: _api.Settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    /// <summary>A WeChat message stamped with the test clock, as WeChat stamps CreateTime.</summary>
    private async Task<string> SayOnWeChatAsync(string openId, string text)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "wechat",
            ConversationId = openId,
            From = new ChannelAccount(openId),
            Recipient = new ChannelAccount("gh_test"),
            Text = text,
            Timestamp = _host.Clock.GetUtcNow(),
        };
        return string.Join("\n\n", (await _host.ProcessAsync(activity)).Select(reply => reply.Text));
    }

    private async Task BindOnWeChatAsync(string openId, DemoPerson person)
    {
        await SayOnWeChatAsync(openId, "绑定");
        await SayOnWeChatAsync(openId, person.Name);
        await SayOnWeChatAsync(openId, person.IdNumber);
        Assert.Contains("绑定成功", await SayOnWeChatAsync(openId, (await _host.LatestCodeSentToAsync(person.Phone!))!));
    }

    private async Task<List<SupportTicket>> TicketsAsync()
    {
        await using var db = await _host.Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>().CreateDbContextAsync();
        return await db.Set<SupportTicket>().AsNoTracking().OrderBy(ticket => ticket.Id).ToListAsync();
    }

    private async Task<AnswerTicketResult> AnswerAsync(int ticketId, string text, TicketViewer? viewer = null)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AnswerTicketCommand>().AnswerAsync(viewer ?? Administrator, ticketId, text, CancellationToken.None);
    }

    [Theory]
    [InlineData("转人工")]
    [InlineData("人工")]
    [InlineData("找人工客服")]
    [InlineData("人工服务！")]
    [InlineData("轉人工")]
    public async Task HumanRequest_AnyUsualWording_OpensATicketAndSaysWhenStaffAnswer(string wording)
    {
        var reply = await _host.User("u-ask").SayAsync(wording);

        Assert.Contains("已为您转人工", reply);
        Assert.Contains("周一至周五 8:30—17:30", reply);
        Assert.Single(await TicketsAsync());
    }

    [Fact]
    public async Task HumanRequest_AskedAgain_CountsOnTheOpenTicket()
    {
        await _host.User("u-again").SayAsync("转人工");

        var reply = await _host.User("u-again").SayAsync("人工");

        Assert.Contains("已经在排队", reply);
        Assert.Equal(2, Assert.Single(await TicketsAsync()).AskCount);
    }

    [Fact]
    public async Task HumanRequest_OnSundayMorning_NamesMondaysOpening()
    {
        // The host's clock starts on Sunday 2019-10-20, 10:00 in China.
        var reply = await _host.User("u-sunday").SayAsync("转人工");

        Assert.Contains("10月21日（周一）8:30以后", reply);
    }

    [Fact]
    public async Task Answer_WithinFortyEightHoursOfTheLastMessage_GoesOutAsACustomerServiceMessage()
    {
        await SayOnWeChatAsync("oTicket-cs", "转人工");
        _host.Clock.Advance(TimeSpan.FromHours(47));

        var result = await AnswerAsync((await TicketsAsync())[0].Id, "您好，您的报销已经到账了。");

        Assert.Equal(new AnswerTicketResult.Delivered(TicketDelivery.CustomerServiceMessage), result);
        var call = await _api.WaitForCallAsync("cgi-bin/message/custom/send");
        Assert.Equal(("oTicket-cs", "您好，您的报销已经到账了。"), ((string?)call.Body["touser"], (string?)call.Body["text"]!["content"]));
        Assert.Equal(TicketStatus.Closed, Assert.Single(await TicketsAsync()).Status);
    }

    [Fact]
    public async Task Answer_AfterFortyEightHours_GoesToTheBoundMembersPhoneBySms()
    {
        var person = Demo.HeadWithPhone(_ => true);
        await BindOnWeChatAsync("oTicket-sms", person);
        await SayOnWeChatAsync("oTicket-sms", "转人工");
        _host.Clock.Advance(TimeSpan.FromHours(49));

        var result = await AnswerAsync((await TicketsAsync())[0].Id, "您好，请明天上午到乡镇卫生院办理。");

        Assert.Equal(new AnswerTicketResult.Delivered(TicketDelivery.Sms), result);
        Assert.DoesNotContain(_api.Received, call => call.Path == "cgi-bin/message/custom/send");
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SmsDispatcher>().DispatchDueAsync(CancellationToken.None);
        var sent = await scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<OutboxGatewayEntry>().AsNoTracking()
            .Where(message => message.Text == "您好，请明天上午到乡镇卫生院办理。").Select(message => message.PhoneNumber).ToListAsync();
        Assert.Equal([person.Phone!], sent);
    }

    [Fact]
    public async Task Answer_AfterFortyEightHoursWithoutAPhone_StaysOpenSayingItCouldNotBeDelivered()
    {
        await SayOnWeChatAsync("oTicket-none", "转人工");
        _host.Clock.Advance(TimeSpan.FromHours(49));

        var result = await AnswerAsync((await TicketsAsync())[0].Id, "您好。");

        Assert.IsType<AnswerTicketResult.Undeliverable>(result);
        var ticket = Assert.Single(await TicketsAsync());
        Assert.Equal((TicketStatus.Open, TicketDelivery.Undeliverable), (ticket.Status, ticket.Delivery));
        Assert.Contains("48小时", ticket.DeliveryNote);
    }

    [Fact]
    public async Task Answer_LaterMessageFromTheUser_ReopensTheFortyEightHourWindow()
    {
        await SayOnWeChatAsync("oTicket-later", "转人工");
        _host.Clock.Advance(TimeSpan.FromHours(40));
        await SayOnWeChatAsync("oTicket-later", "住院要交押金吗");
        _host.Clock.Advance(TimeSpan.FromHours(20));

        var result = await AnswerAsync((await TicketsAsync())[0].Id, "您好。");

        Assert.Equal(new AnswerTicketResult.Delivered(TicketDelivery.CustomerServiceMessage), result);
    }

    [Fact]
    public async Task Tickets_TownshipOperator_SeesBoundHouseholdsOfTheirRegionOnly()
    {
        var person = Demo.HeadWithPhone(_ => true);
        await BindOnWeChatAsync("oTicket-bound", person);
        await SayOnWeChatAsync("oTicket-bound", "转人工");
        await SayOnWeChatAsync("oTicket-unbound", "转人工");
        var township = person.Household.VillageCode[..9];
        var elsewhere = Demo.Data.Households.First(h => !h.VillageCode.StartsWith(township, StringComparison.Ordinal)).VillageCode[..9];

        await using var scope = _host.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<GetTicketsQuery>();
        var own = await query.ListOpenAsync(new TicketViewer(new StaffScope(2, [township]), false), CancellationToken.None);
        var other = await query.ListOpenAsync(new TicketViewer(new StaffScope(3, [elsewhere]), false), CancellationToken.None);
        var all = await query.ListOpenAsync(Administrator, CancellationToken.None);

        Assert.Equal((1, 0, 2), (own.Count, other.Count, all.Count));
    }

    [Fact]
    public async Task GetAsync_BoundHouseholdsTicket_ShowsTheConversationAndIsAudited()
    {
        var person = Demo.HeadWithPhone(_ => true);
        await BindOnWeChatAsync("oTicket-audit", person);
        await SayOnWeChatAsync("oTicket-audit", "住院要交押金吗");
        await SayOnWeChatAsync("oTicket-audit", "转人工");
        var (memberId, householdId) = await _host.IdsOfAsync(person);
        await using var scope = _host.Services.CreateAsyncScope();
        // Transcripts are written behind the turn; reading through the store waits for what is queued.
        await scope.ServiceProvider.GetRequiredService<ITranscriptStore>().GetTranscriptAsync("wechat", "oTicket-audit", CancellationToken.None);

        var detail = await scope.ServiceProvider.GetRequiredService<GetTicketsQuery>().GetAsync(Administrator, (await TicketsAsync())[0].Id, CancellationToken.None);

        Assert.Contains(detail!.Conversation, line => line.Text == "住院要交押金吗");
        Assert.Contains(await _host.AuditAsync(), entry => entry.Action == HouseholdAuditAction.ViewTicket && entry.HouseholdId == householdId && entry.MemberId == memberId && entry.Actor == "staff:1");
    }

    [Fact]
    public async Task CountAsync_AnsweredTickets_GivesOpenClosedAndTheMedianTimeToAnswer()
    {
        foreach (var user in new[] { "oCount-1", "oCount-2", "oCount-3", "oCount-4" })
        {
            await SayOnWeChatAsync(user, "转人工");
        }

        var tickets = await TicketsAsync();
        foreach (var (ticket, hours) in tickets.Take(3).Zip(new[] { 1, 2, 6 }))
        {
            _host.Clock.Advance(TimeSpan.FromHours(hours) - (_host.Clock.GetUtcNow().UtcDateTime - ticket.OpenedAt));
            await AnswerAsync(ticket.Id, "您好。");
        }

        await using var scope = _host.Services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<GetTicketsQuery>().CountAsync(Administrator, CancellationToken.None);

        Assert.Equal(new TicketCounts(1, 3, TimeSpan.FromHours(2)), counts);
    }
}
