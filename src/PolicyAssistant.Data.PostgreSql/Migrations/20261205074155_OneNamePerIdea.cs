using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OneNamePerIdea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_SmsOutboxMessages",
                table: "SmsOutboxMessages");

            migrationBuilder.RenameTable(
                name: "SmsOutboxMessages",
                newName: "OutboxGatewayEntries");

            migrationBuilder.RenameIndex(
                name: "IX_SmsOutboxMessages_PhoneNumber_CreatedAt",
                table: "OutboxGatewayEntries",
                newName: "IX_OutboxGatewayEntries_PhoneNumber_CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_SmsOutboxMessages_OutId",
                table: "OutboxGatewayEntries",
                newName: "IX_OutboxGatewayEntries_OutId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_OutboxGatewayEntries",
                table: "OutboxGatewayEntries",
                column: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_OutboxGatewayEntries",
                table: "OutboxGatewayEntries");

            migrationBuilder.RenameTable(
                name: "OutboxGatewayEntries",
                newName: "SmsOutboxMessages");

            migrationBuilder.RenameIndex(
                name: "IX_OutboxGatewayEntries_PhoneNumber_CreatedAt",
                table: "SmsOutboxMessages",
                newName: "IX_SmsOutboxMessages_PhoneNumber_CreatedAt");

            migrationBuilder.RenameIndex(
                name: "IX_OutboxGatewayEntries_OutId",
                table: "SmsOutboxMessages",
                newName: "IX_SmsOutboxMessages_OutId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SmsOutboxMessages",
                table: "SmsOutboxMessages",
                column: "Id");
        }
    }
}
