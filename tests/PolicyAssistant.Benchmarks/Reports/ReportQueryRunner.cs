using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyAssistant.Application.Awareness;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Application.Households.Audit;
using PolicyAssistant.Application.Households.BackOffice;
using PolicyAssistant.Application.Reports;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Benchmarks.Reports;

/// <summary>
/// <c>--reports [households]</c>: fills a SQLite file with a generated county (300,000 households by default, three
/// members each, 100 townships of 30 villages, contracts, chronic patients with follow-ups, stays, quiz answers)
/// and prints the time of the dashboard's queries, for the whole county and for one township, each run three times.
/// </summary>
public static class ReportQueryRunner
{
    public const string Switch = "--reports";

    public static void Run(string[] args)
    {
        var households = args.SkipWhile(a => a != Switch).Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0);
        households = households > 0 ? households : 300_000;
        using var database = TestDatabase.CreateSqlite();
        var generate = Stopwatch.StartNew();
        Generate(database, households);
        Console.WriteLine($"Generated {households:N0} households in {generate.Elapsed.TotalSeconds:F1} s");

        var everywhere = new StaffScope(1, []);
        var township = new RegionPick("450223101", "第1镇", Domain.Regions.RegionLevel.Township);
        foreach (var (label, filter) in new[] { ("county", new ReportFilter(everywhere, null, 2019, 10)), ("township", new ReportFilter(everywhere, township, 2019, 10)) })
        {
            for (var run = 1; run <= 3; run++)
            {
                using var db = new PolicyAssistantDbContext(DatabaseSetup.BuildOptions(database.Provider, database.ConnectionString));
                var query = new GetReportQuery(db, new RecordHouseholdAuditCommand(database.CreateFactory(), TimeProvider.System), new GetAwarenessReportQuery(db));
                var watch = Stopwatch.StartNew();
                var report = query.GetAsync(filter, CancellationToken.None).GetAwaiter().GetResult();
                var dashboard = watch.Elapsed;
                var awareness = new GetAwarenessReportQuery(db).GetAsync(everywhere, filter.Region, 1, AwarenessPeriod.All, null, CancellationToken.None).GetAwaiter().GetResult();
                Console.WriteLine($"{label} run {run}: dashboard {dashboard.TotalMilliseconds:F0} ms, awareness page {(watch.Elapsed - dashboard).TotalMilliseconds:F0} ms "
                    + $"({report.Figures[0].Counted:N0} people, {awareness.Villages.Count} villages)");
            }
        }
    }

    private static void Generate(TestDatabase database, int households)
    {
        using (var db = new PolicyAssistantDbContext(DatabaseSetup.BuildOptions(database.Provider, database.ConnectionString)))
        {
            db.Database.Migrate();
        }

        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var members = households * 3;
        foreach (var sql in new[]
        {
            "INSERT INTO Regions (Id, Code, Name, Level, ParentId) VALUES (1, '450223', '鹿寨县', 'County', NULL)",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
            + "INSERT INTO Regions (Id, Code, Name, Level, ParentId) SELECT 1 + i, '450223' || printf('%03d', 100 + i), '第' || i || '镇', 'Township', 1 FROM n",
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2999) "
            + "INSERT INTO Regions (Id, Code, Name, Level, ParentId) SELECT 1000 + i, '450223' || printf('%03d', 101 + i / 30) || printf('%03d', 201 + i % 30), '第' || (i / 30 + 1) || '镇' || (i % 30 + 1) || '村', 'Village', 2 + i / 30 FROM n",
            "INSERT INTO DoctorTeams (Id, Name, Institution, InstitutionKind, TownshipId, Phone) VALUES (1, '团队', '卫生院', 'TownshipHealthCenter', 2, '07720000000')",
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {households}) "
            + "INSERT INTO Households (Id, VillageId, Address, IsRegisteredPoor) SELECT i, 1000 + i % 3000, '1组', i % 10 < 8 FROM n",
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {members}) "
            + "INSERT INTO Members (Id, HouseholdId, Name, RelationToHead, IdNumberHash, IdNumberCiphertext, IdNumberMasked, BirthDate, Sex, IsPolicyLiterateMember, HealthRecordOpenedOn) "
            + "SELECT i, 1 + (i - 1) / 3, '成员', CASE WHEN i % 3 = 1 THEN 'Self' ELSE 'Spouse' END, 'h' || i, 'c', '4502**********0012', '1980-01-01', 'Male', i % 7 = 0, CASE WHEN i % 20 = 0 THEN NULL ELSE '2019-01-01' END FROM n",
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {households}) "
            + "INSERT INTO DoctorContracts (HouseholdId, MemberId, DoctorTeamId, SignedOn, TermStart, TermEnd, Status, Services) SELECT i, NULL, 1, '2019-01-01', '2019-01-01', '2019-12-31', 'Active', 1 FROM n WHERE i % 50 <> 0",
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {members}) "
            + "INSERT INTO ChronicCertifications (MemberId, Disease, Status, AppliedOn, DecidedOn, Institution) SELECT i, 'Hypertension', 'Certified', '2019-01-01', '2019-02-01', '卫生院' FROM n WHERE i % 6 = 0",
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {members}) "
            + "INSERT INTO FollowUps (MemberId, Date, Kind, Findings) SELECT i, CASE WHEN i % 12 = 0 THEN '2019-10-10' ELSE '2019-09-10' END, 'FaceToFace', '平稳' FROM n WHERE i % 6 = 0",
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {members}) "
            + "INSERT INTO InpatientStays (MemberId, HospitalName, HospitalLevel, InCounty, HasReferral, IsDesignatedHospital, IsEmergency, AdmittedOn, DischargedOn, "
            + "Settlement_TotalBill, Settlement_CoveredCost, Settlement_BasicInsurance, Settlement_CriticalIllnessInsurance, Settlement_SupplementaryInsurance, Settlement_MedicalAssistance, "
            + "Settlement_SafetyNet, Settlement_TownshipHealthCenterShare, Settlement_CountyFinanceShare, Settlement_SelfPay) "
            + "SELECT i, '县医院', 'County', i % 40 <> 0, 0, 1, 0, '2019-10-01', '2019-10-0' || (1 + i % 9), '10000', '9000', '8000', '0', '0', '0', '0', '0', '0', CASE WHEN i % 3 = 0 THEN '1500' ELSE '900' END FROM n WHERE i % 25 = 0",
            "INSERT INTO Quizzes (Id, Title, OpensOn) VALUES (1, '问卷', '2019-10-01')",
            $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {households}) "
            + "INSERT INTO QuizAttempts (QuizId, HouseholdId, MemberId, Answers, CorrectCount, AllCorrect, CompletedAt, CompletedOn) SELECT 1, i, 3 * i - 2, '[1,1,1]', 3, i % 3 <> 0, '2019-10-05 02:00:00', '2019-10-05' FROM n WHERE i % 4 = 0",
        })
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        analyze.ExecuteNonQuery();
    }
}
