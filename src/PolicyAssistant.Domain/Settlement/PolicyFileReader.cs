using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyAssistant.Domain.Settlement;

/// <summary>A policy file that cannot be used; the message names the file and every problem found.</summary>
public sealed class PolicyFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads and checks one policy file. The JSON has the shape of <see cref="PolicyParameterSet"/> in camelCase;
/// every figure is <c>{ "value": …, "basis": "seed" | "example", "source", "clause", "note" }</c>.
/// </summary>
public static class PolicyFileReader
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <param name="name">The file name, used in error messages.</param>
    public static PolicyParameterSet Parse(string json, string name)
    {
        PolicyParameterSet? set;
        try
        {
            set = JsonSerializer.Deserialize<PolicyParameterSet>(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            throw new PolicyFileException($"Policy file {name} is not valid: {exception.Message}", exception);
        }

        if (set is null)
        {
            throw new PolicyFileException($"Policy file {name} is empty.");
        }

        var problems = Check(set).ToList();
        if (problems.Count > 0)
        {
            throw new PolicyFileException($"Policy file {name} has {problems.Count} problem(s): {string.Join("; ", problems)}");
        }

        return set;
    }

    public static IEnumerable<string> Check(PolicyParameterSet set)
    {
        if (set.CountyCode.Length != 6 || !set.CountyCode.All(char.IsAsciiDigit))
        {
            yield return $"countyCode '{set.CountyCode}' is not a six-digit county code";
        }

        if (set.EffectiveTo is { } to && to < set.EffectiveFrom)
        {
            yield return "effectiveTo is before effectiveFrom";
        }

        var sourceIds = set.Sources.Select(source => source.Id).ToHashSet(StringComparer.Ordinal);
        var provenances = set.Figures().Select(named => (named.Path, (IPolicyProvenance)named.Figure))
            .Concat(set.Exclusions.Select(rule => ($"exclusions.{rule.Reason}", (IPolicyProvenance)rule)));
        foreach (var (path, provenance) in provenances)
        {
            if (provenance.Basis == PolicyBasis.Seed && (provenance.Source is null || provenance.Clause is null))
            {
                yield return $"{path} has basis seed but no source and clause";
            }

            if (provenance.Source is { } source && !sourceIds.Contains(source))
            {
                yield return $"{path} cites unknown source '{source}'";
            }
        }

        foreach (var named in set.Figures())
        {
            if (named.Kind == FigureKind.Fraction && named.Figure.Value is < 0m or > 1m)
            {
                yield return $"{named.Path} must be a fraction between 0 and 1, not {named.Figure.Value}";
            }

            if (named.Kind == FigureKind.Money && named.Figure.Value < 0m)
            {
                yield return $"{named.Path} must not be negative";
            }
        }

        if (set.TownshipHealthCenter is { } township && township.HealthCenterShare.Value + township.CountyFinanceShare.Value != 1m)
        {
            yield return "townshipHealthCenter shares must add up to 1";
        }

        var bands = set.CriticalIllnessInsurance.Bands;
        var bounds = bands.Take(bands.Count - 1).Select(band => band.UpTo?.Value).ToList();
        if (bands.Count == 0 || bands[^1].UpTo is not null || bounds.Any(bound => bound is null)
            || bounds.Zip(bounds.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            yield return "criticalIllnessInsurance.bands must rise and end with one open band (no upTo)";
        }

        foreach (var reason in Enum.GetValues<ExclusionReason>().Where(reason => set.Exclusions.All(rule => rule.Reason != reason)))
        {
            yield return $"exclusions has no rule for {reason}";
        }
    }
}
