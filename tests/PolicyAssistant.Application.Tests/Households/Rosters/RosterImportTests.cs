using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Member = PolicyAssistant.Domain.Households.Member;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Households.Rosters;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;
using static PolicyAssistant.Testing.RosterWorkbooks;

namespace PolicyAssistant.Application.Tests.Households.Rosters;

public sealed class RosterImportTests
{
    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Import_BadRows_AreReportedBySheetRowAndReason_AndTheGoodRowsImported(DatabaseProvider provider)
    {
        await using var harness = await RosterImportHarness.CreateAsync(provider);
        var roster = Roster(households: 3)
            .Append("户", Row(County, Baisha, "桃源村", "一组1号", "赵六", IdNumber(100), null, "是"))
            .Append(
                "成员",
                Row(IdNumber(0), "钱七", WithWrongCheckDigit(IdNumber(101)), "子", null, "否"),
                Row(IdNumber(0), "李0-1", IdNumber(1), "配偶", null, "否"),
                Row(IdNumber(900), "孙八", IdNumber(102), "子", null, "否"))
            .Append("签约", Row(IdNumber(3), null, BaishaTeam, "2024-01-05", "2024-13-01", "2024-12-31", "履约中", null));

        var job = await harness.ImportAsync(roster);

        var problems = await harness.ProblemsAsync(job.Id);
        Assert.Equal(
            [("户", 5), ("成员", 8), ("成员", 9), ("成员", 10), ("签约", 5)],
            problems.Select(problem => (problem.Sheet, problem.RowNumber)));
        Assert.Equal("村不存在：鹿寨县白沙镇桃源村", problems[0].Reason);
        Assert.Equal("身份证号校验位不对", problems[1].Reason);
        Assert.StartsWith("重复：与第2行相同", problems[2].Reason);
        Assert.StartsWith("户不存在：户主身份证号4502**********", problems[3].Reason);
        Assert.Equal("服务开始日期“2024-13-01”不是有效日期（应如 2024-03-15）", problems[4].Reason);
        await using var db = await harness.Factory.CreateDbContextAsync();
        Assert.Equal((3, 9, 3, 5), (await db.Set<Household>().CountAsync(), await db.Set<Member>().CountAsync(), await db.Set<DoctorContract>().CountAsync(), job.BadRows));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Import_SameWorkbookTwice_SecondChangesNothing(DatabaseProvider provider)
    {
        await using var harness = await RosterImportHarness.CreateAsync(provider);
        var workbook = harness.Save(Roster(households: 6, recordEvery: 2));
        await harness.Run.RunAsync(await harness.UploadAsync(workbook), CancellationToken.None);
        var before = await harness.SnapshotAsync();

        var again = await harness.UploadAsync(workbook);
        await harness.Run.RunAsync(again, CancellationToken.None);

        Assert.Equal((RosterImportStatus.Completed, 0), ((await harness.JobAsync(again)).Status, (await harness.JobAsync(again)).BadRows));
        Assert.Equal(before, await harness.SnapshotAsync());
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Import_StoppedHalfWayAndRunAgain_CompletesWithoutDuplicates(DatabaseProvider provider)
    {
        await using var harness = await RosterImportHarness.CreateAsync(provider, batchSize: 4);
        var jobId = await harness.UploadAsync(harness.Save(Roster(households: 10)));
        using var kill = new CancellationTokenSource();
        var batches = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Run.RunAsync(jobId, kill.Token, _ =>
        {
            if (++batches == 5)
            {
                kill.Cancel();
            }
        }));
        Assert.Equal(RosterImportStatus.Running, (await harness.JobAsync(jobId)).Status);

        await harness.Run.RunAsync(jobId, CancellationToken.None);

        var job = await harness.JobAsync(jobId);
        await using var db = await harness.Factory.CreateDbContextAsync();
        Assert.Equal(
            (RosterImportStatus.Completed, job.TotalRows, 0, 10, 30, 10, 10, 10, 10),
            (job.Status, job.ProcessedRows, job.BadRows, await db.Set<Household>().CountAsync(), await db.Set<Member>().CountAsync(),
                await db.Set<DoctorContract>().CountAsync(), await db.Set<ChronicCertification>().CountAsync(), await db.Set<FollowUp>().CountAsync(),
                await db.Set<InpatientStay>().CountAsync()));
    }

    [Fact]
    public async Task Import_TownshipOperator_RowsOutsideTheirTownship_AreReportedNotImported()
    {
        await using var harness = await RosterImportHarness.CreateAsync(DatabaseProvider.Sqlite);

        // Household 2 lives in 中渡镇's 大兆村; the second team is 中渡镇's.
        var job = await harness.ImportAsync(Roster(households: 3), new StaffScope(7, [BaishaCode]));

        var problems = await harness.ProblemsAsync(job.Id);
        Assert.Contains(new RosterImportProblemRow("户", 4, "鹿寨县中渡镇大兆村不在您负责的地区"), problems);
        Assert.Contains(new RosterImportProblemRow("签约团队", 3, "鹿寨县中渡镇不在您负责的地区"), problems);
        await using var db = await harness.Factory.CreateDbContextAsync();
        Assert.All(await db.Set<Member>().Select(member => member.Household!.Village!.Code).ToListAsync(), code => Assert.StartsWith(BaishaCode, code));
    }

    [Fact]
    public async Task Import_IdNumbersAndPhones_AreStoredHashedEncryptedAndMasked()
    {
        await using var harness = await RosterImportHarness.CreateAsync(DatabaseProvider.Sqlite);

        await harness.ImportAsync(Roster(households: 1));

        var idNumber = Domain.Households.IdNumber.Parse(IdNumber(0));
        await using var db = await harness.Factory.CreateDbContextAsync();
        var head = await db.Set<Member>().SingleAsync(member => member.IdNumberHash == harness.Protector.HashOf(idNumber));
        Assert.Equal(
            (idNumber.Masked, "138****0000", idNumber, "13800000000"),
            (head.IdNumberMasked, head.PhoneMasked, head.RevealIdNumber(harness.Protector), head.RevealPhone(harness.Protector)?.Value));
        Assert.DoesNotContain(idNumber.Value, head.IdNumberCiphertext);
    }

    [Fact]
    public void Template_HasASheetPerKind_WithChineseHeadersAndAnExampleRow()
    {
        using var stream = new MemoryStream();
        RosterTemplate.WriteTo(stream);

        stream.Position = 0;
        Assert.Equal(["户", "成员", "签约团队", "签约", "慢病认定", "随访", "住院结算"], stream.GetSheetNames());
        foreach (var sheet in RosterSheets.All)
        {
            var rows = stream.Query(useHeaderRow: true, sheetName: sheet.Name).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(sheet.Columns, rows.Single().Keys);
        }
    }

    [Fact]
    public async Task Template_ItsExampleRows_ImportWithoutABadRow()
    {
        await using var harness = await RosterImportHarness.CreateAsync(DatabaseProvider.Sqlite);
        var path = Path.Combine(Path.GetTempPath(), $"template-{Guid.NewGuid():N}.xlsx");
        await using (var file = File.Create(path))
        {
            RosterTemplate.WriteTo(file);
        }

        var jobId = await harness.UploadAsync(path);
        File.Delete(path);
        await harness.Run.RunAsync(jobId, CancellationToken.None);

        Assert.Equal((7, 0), ((await harness.JobAsync(jobId)).ImportedRows, (await harness.JobAsync(jobId)).BadRows));
    }
}
