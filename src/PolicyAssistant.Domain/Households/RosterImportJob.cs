namespace PolicyAssistant.Domain.Households;

public enum RosterImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// One upload of a roster workbook and how far its import has come. The checkpoint (<see cref="SheetIndex"/>,
/// <see cref="RowNumber"/>) is committed with each batch, so an import stopped half way resumes after the last
/// committed row; the rows themselves are upserted by natural key, so going over a row twice changes nothing.
/// </summary>
public sealed class RosterImportJob
{
    public int Id { get; set; }

    public int StaffUserId { get; set; }

    /// <summary>The uploader's region codes, comma-separated (empty: every region): the worker imports with their scope.</summary>
    public required string RegionCodes { get; set; }

    /// <summary>The name of the uploaded file, as shown to staff.</summary>
    public required string FileName { get; set; }

    /// <summary>Where the workbook is kept until the import ends.</summary>
    public required string StoredPath { get; set; }

    public RosterImportStatus Status { get; set; }

    public int TotalRows { get; set; }

    public int ProcessedRows { get; set; }

    public int ImportedRows { get; set; }

    public int BadRows { get; set; }

    /// <summary>The sheet being imported, by its place in the roster's sheet order.</summary>
    public int SheetIndex { get; set; }

    /// <summary>The last row of that sheet committed (its Excel row number; 1 is the header).</summary>
    public int RowNumber { get; set; }

    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime? FinishedAt { get; set; }

    public string? Failure { get; set; }
}

/// <summary>A row the import left out, and why, in words for the staff member who fixes the workbook.</summary>
public sealed class RosterImportProblem
{
    public long Id { get; set; }

    public int JobId { get; set; }

    public required string Sheet { get; set; }

    public int RowNumber { get; set; }

    public required string Reason { get; set; }
}
