using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Households.Rosters;
using PolicyAssistant.Domain.Households;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Households.Rosters;

/// <summary>A fresh database with <see cref="RosterWorkbooks"/>' regions, and the import's commands over it, as the host wires them.</summary>
public sealed class RosterImportHarness : IAsyncDisposable
{
    public static readonly StaffScope Administrator = new(1, []);

    private readonly TestDatabase _database;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("roster-import-test-");

    private RosterImportHarness(TestDatabase database, int batchSize)
    {
        _database = database;
        Factory = database.CreateFactory();
        Protector = PersonalDataProtector.FromBase64(database.PersonalDataKey);
        var options = Options.Create(new RostersOptions { ImportFolder = _folder.FullName, BatchSize = batchSize });
        Start = new StartRosterImportCommand(Factory, new RecordHouseholdAuditCommand(Factory, TimeProvider.System), new RosterImportQueue(), options, TimeProvider.System);
        Run = new RunRosterImportCommand(Factory, Protector, options, TimeProvider.System, NullLogger<RunRosterImportCommand>.Instance);
    }

    public IDbContextFactory<PolicyAssistantDbContext> Factory { get; }

    public PersonalDataProtector Protector { get; }

    public StartRosterImportCommand Start { get; }

    public RunRosterImportCommand Run { get; }

    public static async Task<RosterImportHarness> CreateAsync(DatabaseProvider provider, int batchSize = 1000)
    {
        var harness = new RosterImportHarness(TestDatabase.Create(provider), batchSize);
        await using var db = await harness.Factory.CreateDbContextAsync();
        await RosterWorkbooks.AddRegionsAsync(db);
        return harness;
    }

    public string Save(Dictionary<string, object> sheets) => RosterWorkbooks.Save(sheets, _folder.FullName);

    /// <summary>Uploads the workbook as <paramref name="staff"/> and returns the job, not yet run.</summary>
    public async Task<int> UploadAsync(string workbook, StaffScope? staff = null)
    {
        await using var content = File.OpenRead(workbook);
        var start = await Start.StartAsync(staff ?? Administrator, "花名册.xlsx", content, CancellationToken.None);
        return start.JobId ?? throw new InvalidOperationException(start.Error);
    }

    /// <summary>Uploads and runs the import to the end; returns the job.</summary>
    public async Task<RosterImportJob> ImportAsync(Dictionary<string, object> sheets, StaffScope? staff = null)
    {
        var jobId = await UploadAsync(Save(sheets), staff);
        await Run.RunAsync(jobId, CancellationToken.None);
        return await JobAsync(jobId);
    }

    public async Task<RosterImportJob> JobAsync(int jobId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Set<RosterImportJob>().AsNoTracking().SingleAsync(job => job.Id == jobId);
    }

    public async Task<IReadOnlyList<RosterImportProblemRow>> ProblemsAsync(int jobId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await new GetRosterImportQuery(db).ProblemsAsync(Administrator, jobId, CancellationToken.None);
    }

    /// <summary>Every household record as text, ciphertexts included: equal snapshots mean nothing was written.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = await Factory.CreateDbContextAsync();
        var households = await db.Set<Household>().AsNoTracking().OrderBy(h => h.Id).Select(h => $"{h.Id}|{h.VillageId}|{h.Address}|{h.IsRegisteredPoor}").ToListAsync();
        var members = await db.Set<Member>().AsNoTracking().OrderBy(m => m.Id)
            .Select(m => $"{m.Id}|{m.HouseholdId}|{m.Name}|{m.RelationToHead}|{m.IdNumberCiphertext}|{m.PhoneCiphertext}|{m.IsPolicyLiterateMember}").ToListAsync();
        var teams = await db.Set<DoctorTeam>().AsNoTracking().OrderBy(t => t.Id).Select(t => $"{t.Id}|{t.Name}|{t.Institution}|{t.Phone}").ToListAsync();
        var contracts = await db.Set<DoctorContract>().AsNoTracking().OrderBy(c => c.Id)
            .Select(c => $"{c.Id}|{c.HouseholdId}|{c.MemberId}|{c.DoctorTeamId}|{c.TermStart}|{c.TermEnd}|{c.Status}|{c.Services}").ToListAsync();
        var certifications = await db.Set<ChronicCertification>().AsNoTracking().OrderBy(c => c.Id)
            .Select(c => $"{c.Id}|{c.MemberId}|{c.Disease}|{c.Status}|{c.DecidedOn}").ToListAsync();
        var followUps = await db.Set<FollowUp>().AsNoTracking().OrderBy(f => f.Id).Select(f => $"{f.Id}|{f.MemberId}|{f.Date}|{f.DoctorTeamId}|{f.Findings}").ToListAsync();
        var stays = await db.Set<InpatientStay>().AsNoTracking().OrderBy(s => s.Id)
            .Select(s => $"{s.Id}|{s.MemberId}|{s.HospitalName}|{s.AdmittedOn}|{s.Settlement.TotalBill}|{s.Settlement.SelfPay}").ToListAsync();
        return string.Join("\n", households.Concat(members).Concat(teams).Concat(contracts).Concat(certifications).Concat(followUps).Concat(stays));
    }

    public async ValueTask DisposeAsync()
    {
        _database.Dispose();
        _folder.Delete(recursive: true);
        await Task.CompletedTask;
    }
}
