using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CampaignRoutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HandedOverAt",
                table: "CampaignRecipients",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReadToken",
                table: "CampaignRecipients",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MassSendErrorCount",
                table: "CampaignMessages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MassSendFilterCount",
                table: "CampaignMessages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MassSendSentCount",
                table: "CampaignMessages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MassSendTotalCount",
                table: "CampaignMessages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_ProviderMessageId",
                table: "CampaignRecipients",
                column: "ProviderMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_ReadToken",
                table: "CampaignRecipients",
                column: "ReadToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CampaignRecipients_ProviderMessageId",
                table: "CampaignRecipients");

            migrationBuilder.DropIndex(
                name: "IX_CampaignRecipients_ReadToken",
                table: "CampaignRecipients");

            migrationBuilder.DropColumn(
                name: "HandedOverAt",
                table: "CampaignRecipients");

            migrationBuilder.DropColumn(
                name: "ReadToken",
                table: "CampaignRecipients");

            migrationBuilder.DropColumn(
                name: "MassSendErrorCount",
                table: "CampaignMessages");

            migrationBuilder.DropColumn(
                name: "MassSendFilterCount",
                table: "CampaignMessages");

            migrationBuilder.DropColumn(
                name: "MassSendSentCount",
                table: "CampaignMessages");

            migrationBuilder.DropColumn(
                name: "MassSendTotalCount",
                table: "CampaignMessages");
        }
    }
}
