using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.Sqlite.Migrations
{
    /// <summary>WeChat's delivery reports are receipts, as the SMS gateways' are: the table is renamed, its rows kept.</summary>
    public partial class ReceiptNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_WeChatDeliveryReports",
                table: "WeChatDeliveryReports");

            migrationBuilder.RenameTable(
                name: "WeChatDeliveryReports",
                newName: "WeChatReceipts");

            migrationBuilder.RenameIndex(
                name: "IX_WeChatDeliveryReports_AppId_Kind_MsgId",
                table: "WeChatReceipts",
                newName: "IX_WeChatReceipts_AppId_Kind_MsgId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_WeChatReceipts",
                table: "WeChatReceipts",
                column: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_WeChatReceipts",
                table: "WeChatReceipts");

            migrationBuilder.RenameTable(
                name: "WeChatReceipts",
                newName: "WeChatDeliveryReports");

            migrationBuilder.RenameIndex(
                name: "IX_WeChatReceipts_AppId_Kind_MsgId",
                table: "WeChatDeliveryReports",
                newName: "IX_WeChatDeliveryReports_AppId_Kind_MsgId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_WeChatDeliveryReports",
                table: "WeChatDeliveryReports",
                column: "Id");
        }
    }
}
