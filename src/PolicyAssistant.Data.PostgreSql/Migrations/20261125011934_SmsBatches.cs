using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SmsBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BatchOutId",
                table: "SmsOutboundMessages",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsOutboundMessages_BatchOutId",
                table: "SmsOutboundMessages",
                column: "BatchOutId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SmsOutboundMessages_BatchOutId",
                table: "SmsOutboundMessages");

            migrationBuilder.DropColumn(
                name: "BatchOutId",
                table: "SmsOutboundMessages");
        }
    }
}
