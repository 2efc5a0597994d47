using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WeChatOffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KeywordRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Keyword = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Match = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReplyText = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    EntryId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeywordRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportTickets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserKeyHash = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserIdCiphertext = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastAskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AskCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<int>(type: "INTEGER", nullable: true),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DeliveryNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportTickets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeChatMenuDrafts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedJson = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatMenuDrafts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KeywordRules_Position",
                table: "KeywordRules",
                column: "Position");

            migrationBuilder.CreateIndex(
                name: "IX_SupportTickets_ChannelId_UserKeyHash_Status",
                table: "SupportTickets",
                columns: new[] { "ChannelId", "UserKeyHash", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportTickets_Status",
                table: "SupportTickets",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KeywordRules");

            migrationBuilder.DropTable(
                name: "SupportTickets");

            migrationBuilder.DropTable(
                name: "WeChatMenuDrafts");
        }
    }
}
