using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WeChatInboundIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WeChatInboundMessages_UserKey_State",
                table: "WeChatInboundMessages");

            migrationBuilder.CreateIndex(
                name: "IX_WeChatInboundMessages_UserKey",
                table: "WeChatInboundMessages",
                column: "UserKey",
                filter: "\"State\" = 'AwaitingNextMessage'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WeChatInboundMessages_UserKey",
                table: "WeChatInboundMessages");

            migrationBuilder.CreateIndex(
                name: "IX_WeChatInboundMessages_UserKey_State",
                table: "WeChatInboundMessages",
                columns: new[] { "UserKey", "State" });
        }
    }
}
