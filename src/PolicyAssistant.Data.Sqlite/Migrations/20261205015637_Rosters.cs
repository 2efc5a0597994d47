using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Rosters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "HouseholdAuditEntries",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DoctorTeamId",
                table: "FollowUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RosterImportJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCodes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StoredPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TotalRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcessedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    BadRows = table.Column<int>(type: "INTEGER", nullable: false),
                    SheetIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterImportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RosterImportProblems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sheet = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterImportProblems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RosterImportProblems_RosterImportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "RosterImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_DoctorTeamId",
                table: "FollowUps",
                column: "DoctorTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_RosterImportJobs_Status",
                table: "RosterImportJobs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_RosterImportProblems_JobId_Sheet_RowNumber",
                table: "RosterImportProblems",
                columns: new[] { "JobId", "Sheet", "RowNumber" });

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_DoctorTeams_DoctorTeamId",
                table: "FollowUps",
                column: "DoctorTeamId",
                principalTable: "DoctorTeams",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_DoctorTeams_DoctorTeamId",
                table: "FollowUps");

            migrationBuilder.DropTable(
                name: "RosterImportProblems");

            migrationBuilder.DropTable(
                name: "RosterImportJobs");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_DoctorTeamId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "HouseholdAuditEntries");

            migrationBuilder.DropColumn(
                name: "DoctorTeamId",
                table: "FollowUps");
        }
    }
}
