using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Domain.Staff;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Staff;

public sealed class StaffAccountCommandsTests
{
    private const string Password = "initial-password-1";

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AddAsync_TownshipOperator_IsListedWithRoleAndRegionNamesAndAudited(DatabaseProvider provider)
    {
        await using var host = await StaffHost.StartAsync(provider);

        var result = await host.RunAsync(s => s.GetRequiredService<AddStaffCommand>().AddAsync(
            null, new NewStaffAccount("qinglan-wang", "王专干", StaffRole.TownshipOperator, [StaffHost.Qinglan], Password), mustChangePassword: true, CancellationToken.None));
        var row = (await host.RunAsync(s => s.GetRequiredService<ListStaffQuery>().ListAsync(CancellationToken.None))).Single();
        var audit = await host.RunAsync(s => s.GetRequiredService<GetAuditTrailQuery>().PageAsync(new AuditFilter(), 1, CancellationToken.None));

        Assert.IsType<StaffCommandResult.Done>(result);
        Assert.Equal((StaffRole.TownshipOperator, "鹿寨县青岚镇", true, false), (row.Role!.Value, Assert.Single(row.RegionNames), row.MustChangePassword, row.IsDisabled));
        Assert.Equal(("系统", "添加工作人员"), (audit.Single().Actor, audit.Single().Action));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AddAsync_TownshipOperatorWithoutRegion_IsRejectedInChineseAndNothingIsSaved(DatabaseProvider provider)
    {
        await using var host = await StaffHost.StartAsync(provider);

        var result = await host.RunAsync(s => s.GetRequiredService<AddStaffCommand>().AddAsync(
            null, new NewStaffAccount("nobody", "无地区", StaffRole.TownshipOperator, [], Password), mustChangePassword: true, CancellationToken.None));

        Assert.Equal("乡镇专干须至少负责一个地区。", Assert.Single(Assert.IsType<StaffCommandResult.Rejected>(result).Errors));
        Assert.Equal(0, await host.RunAsync(s => s.GetRequiredService<PolicyAssistantDbContext>().Set<StaffUser>().CountAsync()));
    }

    [Fact]
    public async Task AddAsync_ShortPasswordAndTakenName_AreRejectedWithIdentitysChineseMessages()
    {
        await using var host = await StaffHost.StartAsync(DatabaseProvider.Sqlite);
        await StaffAccounts.CreateAsync(host.Services, "editor-li", Password, StaffRole.ContentEditor);

        var shortPassword = await host.RunAsync(s => s.GetRequiredService<AddStaffCommand>().AddAsync(
            null, new NewStaffAccount("editor-zhang", "张编辑", StaffRole.ContentEditor, [], "short"), mustChangePassword: true, CancellationToken.None));
        var takenName = await host.RunAsync(s => s.GetRequiredService<AddStaffCommand>().AddAsync(
            null, new NewStaffAccount("editor-li", "李编辑", StaffRole.ContentEditor, [], Password), mustChangePassword: true, CancellationToken.None));

        Assert.Contains("密码至少 10 位。", Assert.IsType<StaffCommandResult.Rejected>(shortPassword).Errors);
        Assert.Contains("用户名“editor-li”已被使用。", Assert.IsType<StaffCommandResult.Rejected>(takenName).Errors);
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ChangeAsync_NewRoleAndRegions_RenewsTheSecurityStamp(DatabaseProvider provider)
    {
        await using var host = await StaffHost.StartAsync(provider);
        var admin = await StaffAccounts.CreateAsync(host.Services, "admin", Password, StaffRole.Administrator);
        var editor = await StaffAccounts.CreateAsync(host.Services, "editor-li", Password, StaffRole.ContentEditor);
        var stampBefore = await StampAsync(host, editor);

        var result = await host.RunAsync(s => s.GetRequiredService<ChangeStaffAccessCommand>().ChangeAsync(admin, editor, StaffRole.TownshipOperator, [StaffHost.Fugu], CancellationToken.None));
        var detail = await host.RunAsync(s => s.GetRequiredService<ListStaffQuery>().GetAsync(editor, CancellationToken.None));

        Assert.IsType<StaffCommandResult.Done>(result);
        Assert.Equal((StaffRole.TownshipOperator, StaffHost.Fugu), (detail!.Role!.Value, Assert.Single(detail.RegionCodes)));
        Assert.NotEqual(stampBefore, await StampAsync(host, editor));
    }

    [Fact]
    public async Task SetDisabledAsync_LastAdministrator_IsRefused()
    {
        await using var host = await StaffHost.StartAsync(DatabaseProvider.Sqlite);
        var admin = await StaffAccounts.CreateAsync(host.Services, "admin", Password, StaffRole.Administrator);
        var second = await StaffAccounts.CreateAsync(host.Services, "admin-2", Password, StaffRole.Administrator);
        await host.RunAsync(s => s.GetRequiredService<SetStaffDisabledCommand>().SetDisabledAsync(admin, second, disabled: true, CancellationToken.None));

        var result = await host.RunAsync(s => s.GetRequiredService<ChangeStaffAccessCommand>().ChangeAsync(second, admin, StaffRole.ContentEditor, [], CancellationToken.None));

        Assert.Equal("这是唯一可用的系统管理员账号，不能改为其他角色。", Assert.Single(Assert.IsType<StaffCommandResult.Rejected>(result).Errors));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ResetAsync_SetsATemporaryPasswordThatMustBeChanged(DatabaseProvider provider)
    {
        await using var host = await StaffHost.StartAsync(provider);
        var admin = await StaffAccounts.CreateAsync(host.Services, "admin", Password, StaffRole.Administrator);
        var editor = await StaffAccounts.CreateAsync(host.Services, "editor-li", Password, StaffRole.ContentEditor);

        await host.RunAsync(s => s.GetRequiredService<ResetStaffPasswordCommand>().ResetAsync(admin, editor, "temporary-password", CancellationToken.None));
        var (accepted, mustChange) = await host.RunAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(editor.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            return (await users.CheckPasswordAsync(user, "temporary-password"), user.MustChangePassword);
        });

        Assert.Equal((true, true), (accepted, mustChange));
    }

    [PostgresTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AuditTrail_MergesBothTrailsNewestFirstAndFiltersByPersonAndHousehold(DatabaseProvider provider)
    {
        await using var host = await StaffHost.StartAsync(provider);
        var admin = await StaffAccounts.CreateAsync(host.Services, "admin", Password, StaffRole.Administrator);
        await host.RunAsync(async s =>
        {
            var db = s.GetRequiredService<PolicyAssistantDbContext>();
            db.AddRange(
                new HouseholdAuditEntry { OccurredAt = DateTime.UtcNow.AddMinutes(1), Actor = $"staff:{admin}", Action = HouseholdAuditAction.ViewHousehold, HouseholdId = 7 },
                new HouseholdAuditEntry { OccurredAt = DateTime.UtcNow.AddMinutes(2), Actor = "wechat:abc", Action = HouseholdAuditAction.ViewFamilyDoctor, HouseholdId = 8 },
                new HouseholdAuditEntry { OccurredAt = DateTime.UtcNow.AddMinutes(3), Actor = "sms:def", Action = (HouseholdAuditAction)999, HouseholdId = 7 });
            return await db.SaveChangesAsync();
        });
        var query = await host.RunAsync(s => Task.FromResult(s.GetRequiredService<GetAuditTrailQuery>()));

        var all = await query.PageAsync(new AuditFilter(), 1, CancellationToken.None);
        var byAdmin = await query.PageAsync(new AuditFilter(StaffUserId: admin), 1, CancellationToken.None);
        var household7 = await query.PageAsync(new AuditFilter(HouseholdId: 7), 1, CancellationToken.None);

        Assert.Equal(["短信用户", "微信用户", "admin", "系统"], all.Select(r => r.Actor));
        Assert.Equal("其他操作（999）", all[0].Action);
        Assert.Equal(["查看户详情"], byAdmin.Select(r => r.Action));
        Assert.Equal([7, 7], household7.Select(r => r.HouseholdId!.Value));
    }

    [Fact]
    public async Task ExportAsync_WritesAWorkbookOfTheTrailAndAuditsTheExport()
    {
        await using var host = await StaffHost.StartAsync(DatabaseProvider.Sqlite);
        var admin = await StaffAccounts.CreateAsync(host.Services, "admin", Password, StaffRole.Administrator);
        using var workbook = new MemoryStream();

        await host.RunAsync(async s =>
        {
            await s.GetRequiredService<ExportAuditTrailCommand>().ExportAsync(admin, new AuditFilter(), workbook, CancellationToken.None);
            return 0;
        });
        workbook.Position = 0;
        var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var trail = await host.RunAsync(s => s.GetRequiredService<GetAuditTrailQuery>().PageAsync(new AuditFilter(), 1, CancellationToken.None));

        Assert.Equal(("系统", "添加工作人员"), ((string)rows.Single()["操作人"], (string)rows.Single()["操作"]));
        Assert.Equal(("admin", "导出审计记录", "全部记录"), (trail[0].Actor, trail[0].Action, trail[0].Detail));
    }

    private static Task<string?> StampAsync(StaffHost host, int staffId) =>
        host.RunAsync(s => s.GetRequiredService<PolicyAssistantDbContext>().Set<StaffUser>().Where(u => u.Id == staffId).Select(u => u.SecurityStamp).SingleAsync());
}
