using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PolicyAssistant.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class BindingAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BindingAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UserKeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MemberId = table.Column<int>(type: "integer", nullable: true),
                    HouseholdId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BindingAttempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BindingAttempts_ChannelId_UserKeyHash_OccurredAt",
                table: "BindingAttempts",
                columns: new[] { "ChannelId", "UserKeyHash", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BindingAttempts_IdNumberHash_OccurredAt",
                table: "BindingAttempts",
                columns: new[] { "IdNumberHash", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BindingAttempts_OccurredAt",
                table: "BindingAttempts",
                column: "OccurredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BindingAttempts");
        }
    }
}
