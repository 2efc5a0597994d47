using PolicyAssistant.Application.Households.Demo;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Support;

/// <summary>A person of the demo data set, with their household as the file describes it.</summary>
public sealed record DemoPerson(string Name, string IdNumber, string? Phone, RelationToHead Relation, DemoHousehold Household);

/// <summary>
/// Picks people out of content/demo/demo-data.json by what a test needs (a head with a phone and a mother,
/// a household with stays …), so the tests do not hard-code names that a regenerated file would change.
/// </summary>
public static class Demo
{
    public static DemoDataSet Data { get; } = DemoDataSet.Read(Path.Combine(RepositoryPaths.Content, "demo", "demo-data.json"));

    public static IEnumerable<DemoPerson> People =>
        Data.Households.SelectMany(household => household.Members.Select(member =>
            new DemoPerson(member.Name, member.IdNumber, member.Phone, member.RelationToHead, household)));

    /// <summary>A head of household with a phone on file whose household fits <paramref name="fits"/>.</summary>
    public static DemoPerson HeadWithPhone(Func<DemoHousehold, bool> fits) =>
        People.First(person => person.Relation == RelationToHead.Self && person.Phone is not null && fits(person.Household));

    /// <summary>A well-formed ID number (right check digit) of the same region and birth date as <paramref name="near"/> that no demo person has.</summary>
    public static string IdNumberNobodyHas(DemoPerson near)
    {
        var first17 = near.IdNumber[..14] + "999";
        var idNumber = first17 + Domain.Households.IdNumber.CheckDigit(first17);
        return People.Any(person => person.IdNumber == idNumber) ? throw new InvalidOperationException($"{idNumber} is in the demo data.") : idNumber;
    }

    public static bool HasCertifications(DemoHousehold household) => household.Members.Any(member => member.ChronicCertifications.Count > 0);

    public static bool HasStays(DemoHousehold household) => household.Members.Any(member => member.InpatientStays.Count > 0);

    public static string CountyOf(DemoHousehold household) => household.VillageCode[..6];

    /// <summary>Strings that only this household's data contains: member names and phones, its doctor team's name and phone.</summary>
    public static IReadOnlyList<string> Markers(DemoHousehold household) =>
        Strings(household).Where(marker => Data.Households.Where(other => other != household).All(other => !Strings(other).Contains(marker))).ToList();

    private static HashSet<string> Strings(DemoHousehold household) =>
    [
        .. household.Members.Select(member => member.Name),
        .. household.Members.Where(member => member.Phone is not null).Select(member => member.Phone!),
        .. household.DoctorContracts
            .Select(contract => Data.DoctorTeams.First(team => team.Key == contract.TeamKey))
            .SelectMany(team => new[] { team.Name, team.Phone }),
    ];
}
