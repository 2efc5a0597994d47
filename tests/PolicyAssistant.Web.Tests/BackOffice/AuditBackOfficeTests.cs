using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Domain.Staff;
using PolicyAssistant.Testing;
using PolicyAssistant.Web.Tests.Hosting;

namespace PolicyAssistant.Web.Tests.BackOffice;

/// <summary>Administrators read and export who read or changed what; nobody else opens the trail.</summary>
public sealed class AuditBackOfficeTests : IClassFixture<SharedProduct>
{
    private readonly ProductFactory _product;

    public AuditBackOfficeTests(SharedProduct shared) => _product = shared.Factory;

    [Fact]
    public async Task AuditPage_AfterAnAdministratorOpensAHousehold_NamesThemAndTheAction()
    {
        using var client = _product.CreateClient();
        await StaffForm.SignInAsync(client, ProductFactory.AdminUser, ProductFactory.AdminPassword);
        (await client.GetAsync("/Admin/Households/Detail/1")).EnsureSuccessStatusCode();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Admin/Audit?householdId=1"));

        Assert.Contains("<td>系统管理员</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>查看户详情</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_IsAnExcelWorkbookAndIsItselfAudited()
    {
        using var client = _product.CreateClient();
        await StaffForm.SignInAsync(client, ProductFactory.AdminUser, ProductFactory.AdminPassword);

        var response = await (await StaffForm.OpenAsync(client, "/Admin/Audit")).PostAsync([], handler: "Export");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        using var scope = _product.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<PolicyAssistantDbContext>().Set<StaffAccountAuditEntry>().AnyAsync(e => e.Action == StaffAccountAction.ExportAudit));
    }

    [Fact]
    public async Task AuditPage_ForAContentEditor_IsDenied()
    {
        await StaffAccounts.CreateAsync(_product.Services, "audit-editor", "editor-password", StaffRole.ContentEditor);
        using var client = _product.CreateClient();
        await StaffForm.SignInAsync(client, "audit-editor", "editor-password");

        var response = await client.GetAsync("/Admin/Audit");

        Assert.Contains("/Account/Denied", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_InABrowser_IsTheChineseNotFoundPageInTheLayout()
    {
        using var client = _product.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.ParseAdd("text/html");

        var response = await client.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>找不到页面</h1>", page, StringComparison.Ordinal);
        Assert.Contains("class=\"brand\"", page, StringComparison.Ordinal);
    }
}
