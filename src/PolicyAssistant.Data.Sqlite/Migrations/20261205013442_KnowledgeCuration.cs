using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeCuration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GroupKey",
                table: "unanswered_questions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Draft",
                table: "KnowledgeEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "knowledge_base_revision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_base_revision", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_entry_hits",
                columns: table => new
                {
                    EntryId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHitAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_entry_hits", x => x.EntryId);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_entry_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RestoredNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_entry_versions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "knowledge_base_revision",
                columns: new[] { "Id", "Number" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_unanswered_questions_Status_GroupKey",
                table: "unanswered_questions",
                columns: new[] { "Status", "GroupKey" });

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_entry_versions_EntryId_Number",
                table: "knowledge_entry_versions",
                columns: new[] { "EntryId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "knowledge_base_revision");

            migrationBuilder.DropTable(
                name: "knowledge_entry_hits");

            migrationBuilder.DropTable(
                name: "knowledge_entry_versions");

            migrationBuilder.DropIndex(
                name: "IX_unanswered_questions_Status_GroupKey",
                table: "unanswered_questions");

            migrationBuilder.DropColumn(
                name: "GroupKey",
                table: "unanswered_questions");

            migrationBuilder.DropColumn(
                name: "Draft",
                table: "KnowledgeEntries");
        }
    }
}
