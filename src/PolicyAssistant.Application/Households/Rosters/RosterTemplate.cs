using MiniExcelLibs;

namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>花名册模板: one sheet per kind of record, Chinese headers and an example row each.</summary>
public static class RosterTemplate
{
    public const string FileName = "花名册导入模板.xlsx";

    public static void WriteTo(Stream stream)
    {
        var sheets = RosterSheets.All.ToDictionary(
            sheet => sheet.Name,
            sheet => (object)new[] { sheet.Columns.Zip(sheet.Example).ToDictionary(pair => pair.First, pair => pair.Second) });
        stream.SaveAs(sheets);
    }
}
