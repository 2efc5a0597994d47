using MiniExcelLibs;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.BackOffice;

namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>
/// A filtered household list as a workbook: every household the list would page through, read from the database
/// row by row as MiniExcel writes them, ID numbers masked. The export is audited with its filter.
/// </summary>
public sealed class ExportHouseholdsQuery(GetHouseholdsQuery households, RecordHouseholdAuditCommand audit)
{
    public const string FileName = "户名单.xlsx";
    public const string SheetName = "户名单";

    public async Task WriteAsync(StaffScope staff, HouseholdFilter filter, Stream stream, CancellationToken cancellationToken)
    {
        var rows = await households.QueryAsync(staff, filter, cancellationToken);
        await audit.RecordAsync(RecordHouseholdAuditCommand.StaffActor(staff.StaffUserId), HouseholdAuditAction.ExportHouseholds, null, null, cancellationToken, filter.Describe());
        var sheet = rows.AsEnumerable().Select(row => new Dictionary<string, object?>
        {
            ["户编号"] = row.Id,
            ["县（区）"] = row.County,
            ["乡镇"] = row.Township,
            ["村"] = row.Village,
            ["地址"] = row.Address,
            ["户主姓名"] = row.HeadName,
            ["户主身份证号"] = row.HeadIdNumber,
            ["建档立卡贫困户"] = YesNo(row.IsRegisteredPoor),
            ["人数"] = row.MemberCount,
            ["慢病"] = YesNo(row.IsChronic),
            ["家庭医生签约"] = YesNo(row.IsSigned),
        });
        await stream.SaveAsAsync(sheet, sheetName: SheetName, cancellationToken: cancellationToken);
    }

    private static string YesNo(bool value) => value ? "是" : "否";
}
