namespace PolicyAssistant.Domain.Settlement;

/// <summary>All policy parameter sets, found by county and date.</summary>
public sealed class PolicyParameterCatalog
{
    public const string FilePattern = "*.json";

    public PolicyParameterCatalog(IEnumerable<PolicyParameterSet> sets)
    {
        Sets = sets.OrderBy(set => set.CountyCode, StringComparer.Ordinal).ThenBy(set => set.EffectiveFrom).ToList();
        var overlap = Sets.Zip(Sets.Skip(1))
            .FirstOrDefault(pair => pair.First.CountyCode == pair.Second.CountyCode
                && (pair.First.EffectiveTo is null || pair.First.EffectiveTo >= pair.Second.EffectiveFrom));
        if (overlap != default)
        {
            throw new PolicyFileException($"Policy sets {overlap.First.Key} and {overlap.Second.Key} overlap in time.");
        }
    }

    public IReadOnlyList<PolicyParameterSet> Sets { get; }

    /// <summary>
    /// Reads every policy file of a folder. This is the one piece of file I/O in the settlement feature; it runs
    /// once at startup, so the estimator itself stays pure.
    /// </summary>
    public static PolicyParameterCatalog LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new PolicyFileException($"The policy folder {directory} does not exist.");
        }

        var sets = Directory.EnumerateFiles(directory, FilePattern)
            .Order(StringComparer.Ordinal)
            .Select(path => PolicyFileReader.Parse(File.ReadAllText(path), Path.GetFileName(path)));
        return new PolicyParameterCatalog(sets);
    }

    /// <summary>The set in force in a county on a date, or null when the catalog has none.</summary>
    public PolicyParameterSet? Find(string countyCode, DateOnly date) =>
        Sets.FirstOrDefault(set => set.CountyCode == countyCode && set.Covers(date));

    /// <summary>The most recent set of a county, for questions with no date (“要是我住院……”).</summary>
    public PolicyParameterSet? FindLatest(string countyCode) =>
        Sets.LastOrDefault(set => set.CountyCode == countyCode);
}
