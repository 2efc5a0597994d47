using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.KnowledgeBase;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Web.Tests.KnowledgeBase;

/// <summary>
/// Restarting on changed content files: files update what staff never touched, add and remove entries,
/// and never overwrite an entry edited in the back office (the database is the source of truth then).
/// </summary>
public sealed class ContentReimportTests : IDisposable
{
    private readonly DirectoryInfo _content = Directory.CreateTempSubdirectory("policyassistant-content-");
    private readonly TestDatabase _database = TestDatabase.CreateSqlite();

    public ContentReimportTests() => CopyDirectory(RepositoryPaths.Content, _content.FullName);

    [Fact]
    public async Task Restart_AfterFilesChanged_KeepsStaffEditsAndFollowsTheFiles()
    {
        using (var first = Start())
        {
            using var scope = first.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>();
            var greeting = await db.Set<KnowledgeEntry>().AsNoTracking().SingleAsync(e => e.Id == "greeting");
            greeting.Summary = "后台改过的问候语。";
            await scope.ServiceProvider.GetRequiredService<EditKnowledgeBaseCommand>().SaveEntryAsync(greeting, staffId: "1", CancellationToken.None);
        }

        Rewrite("greeting.md", "您好！我是健康扶贫政策助手", "文件里的新问候语");
        Rewrite("thanks.md", "不客气", "文件里的新感谢语");
        Rewrite("thanks.md", "- 多谢", "- 太感谢了");
        File.Delete(Path.Combine(_content.FullName, "knowledge", "goodbye.md"));

        using var second = Start();
        using var check = second.Services.CreateScope();
        var entries = await check.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<KnowledgeEntry>().AsNoTracking().ToDictionaryAsync(e => e.Id);
        Assert.Equal("后台改过的问候语。", entries["greeting"].Summary);
        Assert.Contains("文件里的新感谢语", entries["thanks"].Summary);
        Assert.Contains("太感谢了", entries["thanks"].Questions);
        Assert.False(entries.ContainsKey("goodbye"));
    }

    public void Dispose()
    {
        _database.Dispose();
        _content.Delete(recursive: true);
    }

    private ProductFactory Start()
    {
        var product = new ProductFactory(_database, new Dictionary<string, string?> { ["Storage:ContentFolder"] = _content.FullName });
        product.CreateClient().Dispose();
        return product;
    }

    private void Rewrite(string file, string oldText, string newText)
    {
        var path = Path.Combine(_content.FullName, "knowledge", file);
        var text = File.ReadAllText(path);
        Assert.Contains(oldText, text);
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
