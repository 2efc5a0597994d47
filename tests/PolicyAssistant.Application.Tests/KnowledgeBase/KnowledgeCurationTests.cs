using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Application.Tests.Support;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Answers;
using PolicyAssistant.Knowledge.Search;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.KnowledgeBase;

public sealed class KnowledgeCurationTests
{
    private const string Editor = "7";
    private const string Question = "村里大喇叭啥时候讲政策";
    private const string Monday = "每周一早上八点，村广播站播报一次健康扶贫政策";
    private const string Friday = "每周五晚上七点，村广播站播报一次健康扶贫政策";

    private static KnowledgeEntry Broadcast(string summary = Monday + "，错过了可以到村卫生室要宣传单。") => new()
    {
        Title = "村广播站播报健康扶贫政策",
        Summary = summary,
        Questions = [Question],
        Source = "测试用条目",
    };

    [Fact]
    public async Task CreateEntry_GetsAGeneratedIdAndStaysADraftTheBotDoesNotAnswer()
    {
        await using var host = await AssistantHost.StartAsync();

        var id = await CreateAsync(host, Broadcast());

        Assert.Matches("^kb-[0-9a-f]{10}$", id);
        Assert.DoesNotContain(Monday, await host.User("u1").SayAsync(Question));
    }

    [Fact]
    public async Task Publish_Draft_IsAnsweredOnTheNextMessage()
    {
        await using var host = await AssistantHost.StartAsync();
        var id = await CreateAsync(host, Broadcast());

        await EditAsync(host, edit => edit.PublishAsync(id, Editor, CancellationToken.None));

        Assert.Contains(Monday, await host.User("u1").SayAsync(Question));
    }

    [Fact]
    public async Task Unpublish_PublishedEntry_IsNoLongerAnswered()
    {
        await using var host = await AssistantHost.StartAsync();
        var id = await CreateAsync(host, Broadcast());
        await EditAsync(host, edit => edit.PublishAsync(id, Editor, CancellationToken.None));

        await EditAsync(host, edit => edit.UnpublishAsync(id, Editor, CancellationToken.None));

        Assert.DoesNotContain(Monday, await host.User("u1").SayAsync(Question));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveEntry_KeepsAVersionWithTheEditorTheTimeAndTheWholeEntry(DatabaseProvider provider)
    {
        await using var host = await AssistantHost.StartAsync(provider);
        var id = await CreateAsync(host, Broadcast());
        var edited = Broadcast(Friday);
        edited.Id = id;

        await EditAsync(host, edit => edit.SaveEntryAsync(edited, Editor, CancellationToken.None));

        var versions = await VersionsAsync(host, id);
        Assert.Equal([(1, KnowledgeChange.Created), (2, KnowledgeChange.Edited)], versions.Select(v => (v.Number, v.Change)));
        Assert.All(versions, v => Assert.Equal(Editor, v.StaffId));
        Assert.Equal(AssistantHost.DefaultStart, versions[1].SavedAt);
        Assert.Equal(Friday, KnowledgeEntrySnapshot.FromJson(versions[1].Snapshot).Summary);
    }

    [Fact]
    public async Task SaveEntry_ImportedEntryFirstEdited_KeepsTheImportedTextAsVersionOne()
    {
        await using var host = await AssistantHost.StartAsync();
        var imported = await FindAsync(host, "treat-first-pay-later");
        var edited = KnowledgeEntrySnapshot.Copy(imported);
        edited.Summary = "改过的简短回答。";

        await EditAsync(host, edit => edit.SaveEntryAsync(edited, Editor, CancellationToken.None));

        var versions = await VersionsAsync(host, "treat-first-pay-later");
        Assert.Equal([KnowledgeChange.Imported, KnowledgeChange.Edited], versions.Select(v => v.Change));
        Assert.Null(versions[0].StaffId);
        Assert.Equal(imported.Summary, KnowledgeEntrySnapshot.FromJson(versions[0].Snapshot).Summary);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RollBack_PublishedEntry_IsANewVersionAndTheOldAnswerReturnsAtOnce(DatabaseProvider provider)
    {
        await using var host = await AssistantHost.StartAsync(provider);
        var id = await CreateAsync(host, Broadcast());
        await EditAsync(host, edit => edit.PublishAsync(id, Editor, CancellationToken.None));
        var edited = Broadcast(Friday);
        edited.Id = id;
        await EditAsync(host, edit => edit.SaveEntryAsync(edited, Editor, CancellationToken.None));
        Assert.Contains(Friday, await host.User("u1").SayAsync(Question));

        await EditAsync(host, edit => edit.RollBackAsync(id, 1, Editor, CancellationToken.None));

        Assert.Contains(Monday, await host.User("u2").SayAsync(Question));
        var last = (await VersionsAsync(host, id))[^1];
        Assert.Equal((4, KnowledgeChange.RolledBack, 1), (last.Number, last.Change, last.RestoredNumber));
        Assert.False((await FindAsync(host, id)).Draft);
    }

    [Fact]
    public async Task Compare_TwoVersions_MarksTheChangedFieldUnderItsChineseLabel()
    {
        await using var host = await AssistantHost.StartAsync();
        var id = await CreateAsync(host, Broadcast());
        var edited = Broadcast(Friday);
        edited.Id = id;
        await EditAsync(host, edit => edit.SaveEntryAsync(edited, Editor, CancellationToken.None));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
        var diff = await scope.ServiceProvider.GetRequiredService<GetKnowledgeHistoryQuery>()
            .CompareAsync(id, 1, 2, await KnowledgeRegions.LoadAsync(db, CancellationToken.None), CancellationToken.None);

        var changed = diff!.Inline.Lines.Where(l => l.Type != DiffPlex.DiffBuilder.Model.ChangeType.Unchanged).Select(l => l.Text).ToList();
        Assert.Equal(["简短回答：" + Broadcast().Summary, "简短回答：" + Friday], changed);
        Assert.Contains(diff.Inline.Lines, l => l.Text == "适用地区：全部地区");
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task UnansweredGroups_SameQuestionAskedDifferently_IsOneGroupWithCountDatesAndChannels(DatabaseProvider provider)
    {
        await using var host = await AssistantHost.StartAsync(provider);
        var record = host.Services.GetRequiredService<RecordUnansweredQuestionCommand>();
        await record.RecordAsync("养老金什么时候发？", "web", UnansweredReason.OutOfScope, null, 0, CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromDays(2));
        await record.RecordAsync("养老金什么时候发", "wechat", UnansweredReason.OutOfScope, null, 0, CancellationToken.None);
        await record.RecordAsync("养老金 什么时候 发!", "wechat", UnansweredReason.OutOfScope, null, 0, CancellationToken.None);
        await record.RecordAsync("北京的医保怎么报销", "sms", UnansweredReason.OutOfScope, null, 0, CancellationToken.None);

        var page = await GroupsAsync(host);

        Assert.Equal(2, page.GroupCount);
        var pension = page.Groups[0];
        Assert.Equal(3, pension.Count);
        Assert.Equal(["web", "wechat"], pension.Channels);
        Assert.Equal(AssistantHost.DefaultStart, pension.FirstAskedAt);
        Assert.Equal(AssistantHost.DefaultStart.AddDays(2), pension.LastAskedAt);
        Assert.Equal(3, pension.Questions.Count);
    }

    [Fact]
    public async Task UnansweredGroups_ManyGroups_ArePaged()
    {
        await using var host = await AssistantHost.StartAsync();
        var record = host.Services.GetRequiredService<RecordUnansweredQuestionCommand>();
        for (var i = 0; i < GetUnansweredGroupsQuery.PageSize + 5; i++)
        {
            await record.RecordAsync($"问题编号{i}号", "web", UnansweredReason.OutOfScope, null, 0, CancellationToken.None);
        }

        await using var scope = host.Services.CreateAsyncScope();
        var second = await scope.ServiceProvider.GetRequiredService<GetUnansweredGroupsQuery>().GetAsync(2, CancellationToken.None);

        Assert.Equal((2, 2, 5), (second.Page, second.PageCount, second.Groups.Count));
    }

    [Fact]
    public async Task AddGroupToEntry_EveryWordingBecomesAVariant_TheGroupCloses_AndTheBotAnswers()
    {
        await using var host = await AssistantHost.StartAsync();
        var record = host.Services.GetRequiredService<RecordUnansweredQuestionCommand>();
        await record.RecordAsync("村里大喇叭几点讲政策", "web", UnansweredReason.LowConfidence, null, 0, CancellationToken.None);
        await record.RecordAsync("村里大喇叭几点讲政策？", "wechat", UnansweredReason.LowConfidence, null, 0, CancellationToken.None);
        var id = await CreateAsync(host, Broadcast());
        await EditAsync(host, edit => edit.PublishAsync(id, Editor, CancellationToken.None));
        var group = (await GroupsAsync(host)).Groups.Single();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<ResolveUnansweredQuestionCommand>().AddToEntryAsync(group.Key, id, Editor, CancellationToken.None);
            Assert.IsType<KnowledgeEditResult.Saved>(added);
        }

        Assert.Equal([Question, "村里大喇叭几点讲政策", "村里大喇叭几点讲政策？"], (await FindAsync(host, id)).Questions);
        Assert.Equal(0, (await GroupsAsync(host)).GroupCount);
        Assert.Contains(Monday, await host.User("u1").SayAsync("村里大喇叭几点讲政策"));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task HitCounts_AnswersAreCountedInMemory_AndWrittenOnFlush(DatabaseProvider provider)
    {
        await using var host = await AssistantHost.StartAsync(provider);
        await host.User("u1").SayAsync("住院要交押金吗");
        await host.User("u2").SayAsync("住院要交押金吗");
        Assert.Empty(await HitsAsync(host));

        await host.Services.GetRequiredService<KnowledgeEntryHitCounter>().FlushAsync(host.Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>(), CancellationToken.None);

        var hits = Assert.Single(await HitsAsync(host));
        Assert.Equal(("treat-first-pay-later", 2L, AssistantHost.DefaultStart), (hits.EntryId, hits.Count, hits.LastHitAt));
    }

    [Fact]
    public async Task HitCounts_TwoInstancesFlushing_AddUp()
    {
        await using var first = await AssistantHost.StartAsync();
        await using var second = await AssistantHost.StartAsync(first.Database);
        await first.User("u1").SayAsync("住院要交押金吗");
        await second.User("u2").SayAsync("住院要交押金吗");
        await second.User("u3").SayAsync("住院要交押金吗");

        foreach (var host in new[] { first, second })
        {
            await host.Services.GetRequiredService<KnowledgeEntryHitCounter>().FlushAsync(host.Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>(), CancellationToken.None);
        }

        Assert.Equal(3, Assert.Single(await HitsAsync(first)).Count);
    }

    [Fact]
    public async Task HitCounts_MenuAndRefusal_AreNotCounted()
    {
        await using var host = await AssistantHost.StartAsync();
        await host.User("u1").SayAsync("北京的医保怎么报销");

        Assert.Empty(host.Services.GetRequiredService<KnowledgeEntryHitCounter>().Take());
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RevisionPolling_EntryPublishedOnAnotherInstance_IsAnsweredAfterThePoll(DatabaseProvider provider)
    {
        await using var first = await AssistantHost.StartAsync(provider);
        await using var second = await AssistantHost.StartAsync(first.Database);
        var id = await CreateAsync(first, Broadcast());
        await EditAsync(first, edit => edit.PublishAsync(id, Editor, CancellationToken.None));
        Assert.DoesNotContain(Monday, await second.User("u1").SayAsync(Question));

        var reloaded = await second.Services.GetRequiredService<KnowledgeBaseLoader>().RefreshIfChangedAsync(CancellationToken.None);

        Assert.True(reloaded);
        Assert.Contains(Monday, await second.User("u2").SayAsync(Question));
    }

    [Fact]
    public async Task RevisionPolling_NothingChanged_DoesNotRebuild()
    {
        await using var first = await AssistantHost.StartAsync();
        await using var second = await AssistantHost.StartAsync(first.Database);
        await second.Services.GetRequiredService<KnowledgeBaseLoader>().RefreshIfChangedAsync(CancellationToken.None);
        var id = await CreateAsync(first, Broadcast());

        // A draft is a change too (its revision counts), but once loaded the next poll finds nothing new.
        Assert.True(await second.Services.GetRequiredService<KnowledgeBaseLoader>().RefreshIfChangedAsync(CancellationToken.None));
        Assert.False(await second.Services.GetRequiredService<KnowledgeBaseLoader>().RefreshIfChangedAsync(CancellationToken.None));
        Assert.False(await first.Services.GetRequiredService<KnowledgeBaseLoader>().RefreshIfChangedAsync(CancellationToken.None));
        Assert.Null(second.Services.GetRequiredService<KnowledgeIndex>().Find(id));
    }

    [Fact]
    public async Task HitTest_ShowsTheRankingAndTheReplyTheBotSends()
    {
        await using var host = await AssistantHost.StartAsync();

        var test = host.Services.GetRequiredService<TestKnowledgeQuestionQuery>().Test("住院要交押金吗", regionCode: null);
        var sent = await host.User("u1").SayAsync("住院要交押金吗");

        Assert.Equal(AnswerKind.Confident, test.Answer.Kind);
        Assert.Equal("treat-first-pay-later", test.Evidence!.Entries[0].Hit.Entry.Id);
        Assert.Equal(sent, test.Reply.Text);
    }

    [Fact]
    public async Task HitTest_IsNotCountedAsAHit()
    {
        await using var host = await AssistantHost.StartAsync();

        host.Services.GetRequiredService<TestKnowledgeQuestionQuery>().Test("住院要交押金吗", regionCode: null);

        Assert.Empty(host.Services.GetRequiredService<KnowledgeEntryHitCounter>().Take());
    }

    private static async Task<string> CreateAsync(AssistantHost host, KnowledgeEntry entry)
    {
        var created = await EditAsync(host, edit => edit.CreateEntryAsync(entry, Editor, CancellationToken.None));
        return Assert.IsType<KnowledgeEditResult.Saved>(created).Id;
    }

    private static async Task<KnowledgeEditResult> EditAsync(AssistantHost host, Func<EditKnowledgeBaseCommand, Task<KnowledgeEditResult>> change)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await change(scope.ServiceProvider.GetRequiredService<EditKnowledgeBaseCommand>());
        Assert.IsType<KnowledgeEditResult.Saved>(result);
        return result;
    }

    private static async Task<UnansweredGroupPage> GroupsAsync(AssistantHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GetUnansweredGroupsQuery>().GetAsync(1, CancellationToken.None);
    }

    private static async Task<KnowledgeEntry> FindAsync(AssistantHost host, string id)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>().CreateDbContextAsync();
        return await db.Set<KnowledgeEntry>().AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private static async Task<List<KnowledgeEntryVersion>> VersionsAsync(AssistantHost host, string id)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>().CreateDbContextAsync();
        return await db.Set<KnowledgeEntryVersion>().AsNoTracking().Where(v => v.EntryId == id).OrderBy(v => v.Number).ToListAsync();
    }

    private static async Task<List<KnowledgeEntryHits>> HitsAsync(AssistantHost host)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PolicyAssistantDbContext>>().CreateDbContextAsync();
        return await db.Set<KnowledgeEntryHits>().AsNoTracking().ToListAsync();
    }
}
