using Microsoft.Extensions.Options;
using MiniExcelLibs;
using PolicyAssistant.Application.Households.BackOffice;

namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>
/// Imports an uploaded roster workbook, sheet by sheet in <see cref="RosterSheets.All"/>'s order, streaming its rows
/// (MiniExcel's query, never the whole workbook in memory). Each batch of rows is upserted by natural key and saved
/// in one SaveChanges together with its bad rows and the job's checkpoint, so an import stopped at any point and
/// run again picks up after the last saved batch, and a workbook imported twice changes nothing the second time.
/// </summary>
public sealed class RunRosterImportCommand(
    IDbContextFactory<PolicyAssistantDbContext> dbFactory,
    PersonalDataProtector protector,
    IOptions<RostersOptions> options,
    TimeProvider clock,
    ILogger<RunRosterImportCommand> logger)
{
    /// <param name="batchSaved">Told after each saved batch (the worker's progress is the job row; tests stop an import with it).</param>
    public async Task RunAsync(int jobId, CancellationToken cancellationToken, Action<RosterImportJob>? batchSaved = null)
    {
        RosterImportJob job;
        RegionDirectory regions;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            job = await db.Set<RosterImportJob>().AsNoTracking().SingleAsync(job => job.Id == jobId, cancellationToken);
            if (job.Status is RosterImportStatus.Completed or RosterImportStatus.Failed)
            {
                return;
            }

            regions = await RegionDirectory.LoadAsync(db, cancellationToken);
        }

        var scope = new StaffScope(job.StaffUserId, job.RegionCodes.Split(',', StringSplitOptions.RemoveEmptyEntries));
        try
        {
            var sheetNames = MiniExcel.GetSheetNames(job.StoredPath).ToHashSet();
            if (job.Status == RosterImportStatus.Queued)
            {
                job.TotalRows = CountRows(job.StoredPath, RosterSheets.All.Select(sheet => sheet.Name).Where(sheetNames.Contains));
                job.Status = RosterImportStatus.Running;
                await SaveAsync(job, null, [], cancellationToken);
            }

            for (var index = job.SheetIndex; index < RosterSheets.All.Count; index++)
            {
                var sheet = RosterSheets.All[index];
                if (sheetNames.Contains(sheet.Name))
                {
                    await ImportSheetAsync(job, index, sheet, scope, regions, batchSaved, cancellationToken);
                }
            }

            job.Status = RosterImportStatus.Completed;
            job.FinishedAt = clock.GetUtcNow().UtcDateTime;
            await SaveAsync(job, null, [], CancellationToken.None);
            File.Delete(job.StoredPath);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Roster import {JobId} failed.", job.Id);
            job.Status = RosterImportStatus.Failed;
            job.Failure = "导入出错，已导入的行保留。请检查文件是否为有效的 Excel 工作簿后重新导入，或联系管理员。";
            job.FinishedAt = clock.GetUtcNow().UtcDateTime;
            await SaveAsync(job, null, [], CancellationToken.None);
        }
    }

    private async Task ImportSheetAsync(
        RosterImportJob job, int index, RosterSheet sheet, StaffScope scope, RegionDirectory regions, Action<RosterImportJob>? batchSaved, CancellationToken cancellationToken)
    {
        var resumeAfter = job.SheetIndex == index ? job.RowNumber : 0;
        var firstRowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var batch = new List<RosterRow>();
        var problems = new List<RowProblem>();
        var rowNumber = 1;
        var consumed = 0;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(job.StoredPath, useHeaderRow: true, sheetName: sheet.Name))
        {
            rowNumber++;
            if (rowNumber == 2 && sheet.Columns.Except(cells.Keys).ToList() is { Count: > 0 } missing)
            {
                // Without its columns every row would be reported; one line says what is wrong.
                job.SheetIndex = index + 1;
                job.RowNumber = 0;
                job.BadRows++;
                await SaveAsync(job, sheet, [new RowProblem(1, $"缺少列：{string.Join("、", missing)}（请使用导入模板）")], cancellationToken);
                return;
            }

            var row = new RosterRow(rowNumber, cells);
            var key = row.IsEmpty ? null : sheet.DuplicateKey(row);
            var firstRow = key is null ? 0 : firstRowOfKey.GetValueOrDefault(key);
            if (key is not null && firstRow == 0)
            {
                firstRowOfKey[key] = rowNumber;
            }

            // Rows saved before a restart still count for duplicates, but are not imported again.
            if (rowNumber <= resumeAfter)
            {
                continue;
            }

            consumed++;
            if (row.IsEmpty)
            {
                continue;
            }

            if (firstRow > 0)
            {
                problems.Add(new RowProblem(rowNumber, $"重复：与第{firstRow}行相同（{sheet.Name}表中每条记录只能出现一次）"));
            }
            else
            {
                batch.Add(row);
            }

            if (batch.Count + problems.Count >= options.Value.BatchSize)
            {
                await SaveBatchAsync(job, sheet, scope, regions, batch, problems, rowNumber, consumed, cancellationToken);
                batchSaved?.Invoke(job);
                cancellationToken.ThrowIfCancellationRequested();
                batch.Clear();
                problems.Clear();
                consumed = 0;
            }
        }

        job.SheetIndex = index + 1;
        await SaveBatchAsync(job, sheet, scope, regions, batch, problems, 0, consumed, cancellationToken);
        batchSaved?.Invoke(job);
    }

    private async Task SaveBatchAsync(
        RosterImportJob job, RosterSheet sheet, StaffScope scope, RegionDirectory regions, List<RosterRow> rows, List<RowProblem> problems, int lastRow, int consumed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var imported = rows.Count == 0 ? 0 : await sheet.ImportAsync(new RosterImportContext(db, protector, scope, regions), rows, problems, cancellationToken);
        var before = (job.RowNumber, job.ProcessedRows, job.ImportedRows, job.BadRows);
        job.RowNumber = lastRow;
        job.ProcessedRows += consumed;
        job.ImportedRows += imported;
        job.BadRows += problems.Count;
        try
        {
            await SaveAsync(db, job, sheet, problems, cancellationToken);
        }
        catch
        {
            // Nothing of the batch was saved: the job in memory goes back to the saved checkpoint.
            (job.RowNumber, job.ProcessedRows, job.ImportedRows, job.BadRows) = before;
            throw;
        }
    }

    private async Task SaveAsync(RosterImportJob job, RosterSheet? sheet, IEnumerable<RowProblem> problems, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await SaveAsync(db, job, sheet, problems, cancellationToken);
    }

    private static async Task SaveAsync(PolicyAssistantDbContext db, RosterImportJob job, RosterSheet? sheet, IEnumerable<RowProblem> problems, CancellationToken cancellationToken)
    {
        db.Update(job);
        db.AddRange(problems.Select(problem => new RosterImportProblem { JobId = job.Id, Sheet = sheet!.Name, RowNumber = problem.RowNumber, Reason = problem.Reason }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Data rows (header left out), read once for the progress bar: a sheet's recorded dimension is not reliable.</summary>
    private static int CountRows(string path, IEnumerable<string> sheetNames) =>
        sheetNames.Sum(name => Math.Max(MiniExcel.Query(path, sheetName: name).Count() - 1, 0));
}
