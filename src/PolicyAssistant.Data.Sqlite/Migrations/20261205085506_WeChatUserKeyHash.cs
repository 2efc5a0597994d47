using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WeChatUserKeyHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "UserKey",
                table: "WeChatInboundMessages",
                newName: "UserKeyHash");

            migrationBuilder.RenameIndex(
                name: "IX_WeChatInboundMessages_UserKey",
                table: "WeChatInboundMessages",
                newName: "IX_WeChatInboundMessages_UserKeyHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "UserKeyHash",
                table: "WeChatInboundMessages",
                newName: "UserKey");

            migrationBuilder.RenameIndex(
                name: "IX_WeChatInboundMessages_UserKeyHash",
                table: "WeChatInboundMessages",
                newName: "IX_WeChatInboundMessages_UserKey");
        }
    }
}
