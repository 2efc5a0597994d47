using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Domain.Regions;

namespace PolicyAssistant.Application.Households.Rosters;

/// <summary>A member as the dependent sheets need them: to attach a row, and to check the uploader's region.</summary>
internal sealed record MemberRef(int Id, int HouseholdId, RelationToHead Relation, string VillageCode, int? TownshipId);

/// <summary>What one batch of one sheet works with: its own context (one SaveChanges per batch), the uploader's scope, the regions.</summary>
internal sealed class RosterImportContext(PolicyAssistantDbContext db, PersonalDataProtector protector, StaffScope scope, RegionDirectory regions)
{
    public PolicyAssistantDbContext Db { get; } = db;

    public PersonalDataProtector Protector { get; } = protector;

    public StaffScope Scope { get; } = scope;

    public RegionDirectory Regions { get; } = regions;

    /// <summary>Throws the row out when the region lies outside the uploader's.</summary>
    public void RequireInScope(Region region)
    {
        if (!Scope.Covers(region.Code))
        {
            throw new RosterRowException($"{Regions.FullName(region)}不在您负责的地区");
        }
    }

    /// <summary>Sets the phone only when it changed: protecting it again would write a new ciphertext for the same number.</summary>
    public void UpdatePhone(Member member, PhoneNumber? phone)
    {
        if (member.PhoneHash != (phone is null ? null : Protector.HashOf(phone)))
        {
            member.SetPhone(phone, Protector);
        }
    }

    /// <summary>The members with these ID numbers, by hash.</summary>
    public async Task<Dictionary<string, MemberRef>> FindMembersAsync(IEnumerable<IdNumber> idNumbers, CancellationToken cancellationToken)
    {
        var hashes = idNumbers.Select(Protector.HashOf).Distinct().ToList();
        var found = await Db.Set<Member>().AsNoTracking()
            .Where(member => hashes.Contains(member.IdNumberHash))
            .Select(member => new
            {
                member.IdNumberHash,
                Ref = new MemberRef(member.Id, member.HouseholdId, member.RelationToHead, member.Household!.Village!.Code, member.Household.Village.ParentId),
            })
            .ToListAsync(cancellationToken);
        return found.ToDictionary(row => row.IdNumberHash, row => row.Ref);
    }

    /// <summary>The member with this ID number, in the uploader's region; the row is thrown out otherwise.</summary>
    public MemberRef RequireMember(Dictionary<string, MemberRef> members, IdNumber idNumber, string column)
    {
        if (!members.TryGetValue(Protector.HashOf(idNumber), out var member))
        {
            throw new RosterRowException($"{column}为{idNumber.Masked}的成员不存在（请先在“成员”表中登记）");
        }

        if (!Scope.Covers(member.VillageCode))
        {
            throw new RosterRowException($"{column}为{idNumber.Masked}的成员不在您负责的地区");
        }

        return member;
    }

    /// <summary>The household whose head has this ID number, in the uploader's region; the row is thrown out otherwise.</summary>
    public MemberRef RequireHousehold(Dictionary<string, MemberRef> members, IdNumber headIdNumber, string column)
    {
        if (!members.TryGetValue(Protector.HashOf(headIdNumber), out var head) || head.Relation != RelationToHead.Self)
        {
            throw new RosterRowException($"户不存在：{column}{headIdNumber.Masked}不是已登记的户主（请先在“户”表中登记）");
        }

        if (!Scope.Covers(head.VillageCode))
        {
            throw new RosterRowException($"{column}为{headIdNumber.Masked}的户不在您负责的地区");
        }

        return head;
    }

    /// <summary>Doctor teams by township and name; read per batch, since the team sheet adds to them.</summary>
    public async Task<Dictionary<(int TownshipId, string Name), int>> LoadTeamsAsync(CancellationToken cancellationToken)
    {
        var teams = await Db.Set<DoctorTeam>().AsNoTracking().Select(team => new { team.Id, team.TownshipId, team.Name }).ToListAsync(cancellationToken);
        return teams.ToDictionary(team => (team.TownshipId, team.Name), team => team.Id);
    }

    public static int RequireTeam(Dictionary<(int TownshipId, string Name), int> teams, MemberRef member, string name, string column) =>
        member.TownshipId is { } township && teams.TryGetValue((township, name), out var id)
            ? id
            : throw new RosterRowException($"{column}“{name}”在该户所在乡镇不存在（请先在“签约团队”表中登记）");
}

/// <summary>The region tree, read once per import: villages and townships found by the names staff write.</summary>
internal sealed class RegionDirectory
{
    private readonly Dictionary<int, Region> _byId;
    private readonly Dictionary<(string County, string Township, string Village), Region> _villages = [];
    private readonly Dictionary<(string County, string Township), Region> _townships = [];

    private RegionDirectory(List<Region> regions)
    {
        _byId = regions.ToDictionary(region => region.Id);
        foreach (var region in regions)
        {
            if (region.Level == RegionLevel.Township && Parent(region) is { } county)
            {
                _townships.TryAdd((county.Name, region.Name), region);
            }
            else if (region.Level == RegionLevel.Village && Parent(region) is { } township && Parent(township) is { } villageCounty)
            {
                _villages.TryAdd((villageCounty.Name, township.Name, region.Name), region);
            }
        }
    }

    public static async Task<RegionDirectory> LoadAsync(PolicyAssistantDbContext db, CancellationToken cancellationToken) =>
        new(await db.Set<Region>().AsNoTracking().Where(region => region.Level >= RegionLevel.County).ToListAsync(cancellationToken));

    public Region RequireVillage(string county, string township, string village) =>
        _villages.GetValueOrDefault((county, township, village)) ?? throw new RosterRowException($"村不存在：{county}{township}{village}");

    public Region RequireTownship(string county, string township) =>
        _townships.GetValueOrDefault((county, township)) ?? throw new RosterRowException($"乡镇不存在：{county}{township}");

    public string FullName(Region region) => Parent(region) is { } parent ? FullName(parent) + region.Name : region.Name;

    private Region? Parent(Region region) => region.ParentId is { } id ? _byId.GetValueOrDefault(id) : null;
}
