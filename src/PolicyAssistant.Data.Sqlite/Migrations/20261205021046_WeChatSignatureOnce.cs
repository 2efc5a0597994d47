using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WeChatSignatureOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SignatureKey",
                table: "WeChatInboundMessages",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeChatInboundMessages_SignatureKey",
                table: "WeChatInboundMessages",
                column: "SignatureKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WeChatInboundMessages_SignatureKey",
                table: "WeChatInboundMessages");

            migrationBuilder.DropColumn(
                name: "SignatureKey",
                table: "WeChatInboundMessages");
        }
    }
}
