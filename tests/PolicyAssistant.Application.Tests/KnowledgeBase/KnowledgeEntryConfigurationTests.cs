using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.KnowledgeBase;

public sealed class KnowledgeEntryConfigurationTests
{
    [Fact]
    public void SaveChanges_ListEditedInPlace_IsSaved()
    {
        using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        using (var context = database.CreateContext())
        {
            context.Add(TestEntries.Deposit());
            context.SaveChanges();
            context.Set<KnowledgeEntry>().Single().Questions.Add("住院押金能不交吗");
            context.SaveChanges();
        }

        using var fresh = database.CreateContext();
        Assert.Contains("住院押金能不交吗", fresh.Set<KnowledgeEntry>().Single().Questions);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void SaveAndLoad_RoundTripsEveryField(DatabaseProvider provider)
    {
        using var database = TestDatabase.Create(provider);
        var saved = TestEntries.Deductible();
        saved.Track = Track.SeriousIllness;
        saved.EffectiveFrom = new DateOnly(2018, 7, 20);
        saved.EffectiveTo = new DateOnly(2030, 12, 31);
        saved.ContentHash = new string('a', 64);
        saved.EditedInBackOffice = true;
        saved.UpdatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(8));
        using (var context = database.CreateContext())
        {
            context.Add(saved);
            context.SaveChanges();
        }

        using var fresh = database.CreateContext();
        var loaded = fresh.Set<KnowledgeEntry>().AsNoTracking().Single();
        Assert.Equivalent(saved, loaded, strict: true);
    }
}
