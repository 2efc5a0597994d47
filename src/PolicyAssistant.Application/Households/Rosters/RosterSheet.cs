namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>A row of a batch the sheet could not take.</summary>
internal sealed record RowProblem(int RowNumber, string Reason);

/// <summary>
/// One sheet of the roster workbook: its Chinese name and column headers, the template's example row, and how
/// a batch of its rows is upserted by natural key. Sheets are imported in <see cref="RosterSheets.All"/>'s order,
/// households first, since every later sheet points at a household or a member.
/// </summary>
public abstract class RosterSheet
{
    public abstract string Name { get; }

    /// <summary>Every column, in template order; a workbook missing one of them is reported, not guessed at.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    public abstract IReadOnlyList<object?> Example { get; }

    /// <summary>The row's natural key as written (null when a part is missing): a second row with the same key is a duplicate.</summary>
    public abstract string? DuplicateKey(RosterRow row);

    /// <summary>Adds or updates the batch's rows in <see cref="RosterImportContext.Db"/> (saved by the caller); returns how many rows it took.</summary>
    internal abstract Task<int> ImportAsync(RosterImportContext context, IReadOnlyList<RosterRow> rows, List<RowProblem> problems, CancellationToken cancellationToken);

    protected static string? Key(params string?[] parts) => parts.Any(part => part is null) ? null : string.Join("\n", parts);

    protected static string? IdKey(RosterRow row, string column) => row.Optional(column) is { } text ? IdNumber.Normalize(text) : null;

    /// <summary>Parses each row, leaving out (as problems) those that throw <see cref="RosterRowException"/>.</summary>
    private protected static List<(RosterRow Row, T Value)> ParseEach<T>(IEnumerable<RosterRow> rows, List<RowProblem> problems, Func<RosterRow, T> parse)
    {
        var parsed = new List<(RosterRow, T)>();
        foreach (var row in rows)
        {
            try
            {
                parsed.Add((row, parse(row)));
            }
            catch (RosterRowException exception)
            {
                problems.Add(new RowProblem(row.Number, exception.Message));
            }
        }

        return parsed;
    }

    /// <summary>Imports each parsed row, leaving out (as problems) those that throw <see cref="RosterRowException"/>; returns how many it took.</summary>
    private protected static int ImportEach<T>(IEnumerable<(RosterRow Row, T Value)> parsed, List<RowProblem> problems, Action<T> import)
    {
        var imported = 0;
        foreach (var (row, value) in parsed)
        {
            try
            {
                import(value);
                imported++;
            }
            catch (RosterRowException exception)
            {
                problems.Add(new RowProblem(row.Number, exception.Message));
            }
        }

        return imported;
    }
}

public static class RosterSheets
{
    public static IReadOnlyList<RosterSheet> All { get; } =
    [
        new HouseholdSheet(),
        new MemberSheet(),
        new DoctorTeamSheet(),
        new DoctorContractSheet(),
        new ChronicCertificationSheet(),
        new FollowUpSheet(),
        new InpatientStaySheet(),
    ];
}
