using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CampaignsByTag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WeChatTagId",
                table: "CampaignMessages",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WeChatTagId",
                table: "CampaignMessages");
        }
    }
}
