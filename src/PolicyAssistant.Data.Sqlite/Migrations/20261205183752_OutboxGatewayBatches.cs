using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutboxGatewayBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxGatewayEntries_OutId",
                table: "OutboxGatewayEntries");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxGatewayEntries_OutId_PhoneNumber",
                table: "OutboxGatewayEntries",
                columns: new[] { "OutId", "PhoneNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxGatewayEntries_OutId_PhoneNumber",
                table: "OutboxGatewayEntries");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxGatewayEntries_OutId",
                table: "OutboxGatewayEntries",
                column: "OutId",
                unique: true);
        }
    }
}
