using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PolicyAssistant.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class BackOfficeAndCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_staff_users_UserName",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "RegionCode",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "staff_users");

            migrationBuilder.RenameColumn(
                name: "LockedUntil",
                table: "staff_users",
                newName: "LockoutEnd");

            migrationBuilder.RenameColumn(
                name: "FailedLogins",
                table: "staff_users",
                newName: "AccessFailedCount");

            migrationBuilder.AddColumn<string>(
                name: "GroupKey",
                table: "unanswered_questions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "UserName",
                table: "staff_users",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "PasswordHash",
                table: "staff_users",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256);

            migrationBuilder.AddColumn<string>(
                name: "ConcurrencyStamp",
                table: "staff_users",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DisabledAt",
                table: "staff_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "staff_users",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EmailConfirmed",
                table: "staff_users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "LockoutEnabled",
                table: "staff_users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "staff_users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "NormalizedEmail",
                table: "staff_users",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NormalizedUserName",
                table: "staff_users",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneNumber",
                table: "staff_users",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PhoneNumberConfirmed",
                table: "staff_users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SecurityStamp",
                table: "staff_users",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TwoFactorEnabled",
                table: "staff_users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "HealthRecordOpenedOn",
                table: "Members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Draft",
                table: "KnowledgeEntries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Detail",
                table: "HouseholdAuditEntries",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DoctorTeamId",
                table: "FollowUps",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Theme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_base_revision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_base_revision", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_entry_hits",
                columns: table => new
                {
                    EntryId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    LastHitAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_entry_hits", x => x.EntryId);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_entry_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EntryId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Change = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StaffId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SavedAt = table.Column<long>(type: "bigint", nullable: false),
                    RestoredNumber = table.Column<int>(type: "integer", nullable: true),
                    Snapshot = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_entry_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Quizzes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quizzes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RosterImportJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StaffUserId = table.Column<int>(type: "integer", nullable: false),
                    RegionCodes = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StoredPath = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TotalRows = table.Column<int>(type: "integer", nullable: false),
                    ProcessedRows = table.Column<int>(type: "integer", nullable: false),
                    ImportedRows = table.Column<int>(type: "integer", nullable: false),
                    BadRows = table.Column<int>(type: "integer", nullable: false),
                    SheetIndex = table.Column<int>(type: "integer", nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Failure = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterImportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_account_audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorStaffId = table.Column<int>(type: "integer", nullable: true),
                    SubjectStaffId = table.Column<int>(type: "integer", nullable: true),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_account_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_regions",
                columns: table => new
                {
                    StaffUserId = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_regions", x => new { x.StaffUserId, x.RegionCode });
                    table.ForeignKey(
                        name: "FK_staff_regions_staff_users_StaffUserId",
                        column: x => x.StaffUserId,
                        principalTable: "staff_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_roles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_user_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staff_user_claims_staff_users_UserId",
                        column: x => x.UserId,
                        principalTable: "staff_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_logins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_staff_user_logins_staff_users_UserId",
                        column: x => x.UserId,
                        principalTable: "staff_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_tokens",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_staff_user_tokens_staff_users_UserId",
                        column: x => x.UserId,
                        principalTable: "staff_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WeChatFollowers",
                columns: table => new
                {
                    UserKeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpenIdCiphertext = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subscribed = table.Column<bool>(type: "boolean", nullable: false),
                    LastMessageAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatFollowers", x => x.UserKeyHash);
                });

            migrationBuilder.CreateTable(
                name: "CampaignMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WeChatKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WeChatMediaOrTemplateId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: false),
                    ApprovedById = table.Column<int>(type: "integer", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SendAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EnqueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecipientCount = table.Column<int>(type: "integer", nullable: false),
                    AudienceChannels = table.Column<int>(type: "integer", nullable: false),
                    AudienceRegionCodes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AudienceTags = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignMessages_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuizAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuizId = table.Column<int>(type: "integer", nullable: false),
                    HouseholdId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Answers = table.Column<List<int>>(type: "integer[]", nullable: false),
                    CorrectCount = table.Column<int>(type: "integer", nullable: false),
                    AllCorrect = table.Column<bool>(type: "boolean", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_Quizzes_QuizId",
                        column: x => x.QuizId,
                        principalTable: "Quizzes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuizQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuizId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Choices = table.Column<List<string>>(type: "text[]", nullable: false),
                    CorrectChoice = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuizQuestions_Quizzes_QuizId",
                        column: x => x.QuizId,
                        principalTable: "Quizzes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RosterImportProblems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<int>(type: "integer", nullable: false),
                    Sheet = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RosterImportProblems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RosterImportProblems_RosterImportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "RosterImportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_role_claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<int>(type: "integer", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_role_claims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staff_role_claims_staff_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "staff_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_roles",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    RoleId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_user_roles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_staff_user_roles_staff_roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "staff_roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_staff_user_roles_staff_users_UserId",
                        column: x => x.UserId,
                        principalTable: "staff_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignRecipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    HouseholdId = table.Column<int>(type: "integer", nullable: false),
                    VillageId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<long>(type: "bigint", nullable: true),
                    SendKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ProviderMessageId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Error = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SentAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignRecipients_CampaignMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "CampaignMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "knowledge_base_revision",
                columns: new[] { "Id", "Number" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_unanswered_questions_Status_GroupKey",
                table: "unanswered_questions",
                columns: new[] { "Status", "GroupKey" });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "staff_users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "staff_users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_DoctorTeamId",
                table: "FollowUps",
                column: "DoctorTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMessages_CampaignId",
                table: "CampaignMessages",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignMessages_Status_SendAt",
                table: "CampaignMessages",
                columns: new[] { "Status", "SendAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_MemberId_SentAt",
                table: "CampaignRecipients",
                columns: new[] { "MemberId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_MessageId_Channel_Status_NextAttemptAt",
                table: "CampaignRecipients",
                columns: new[] { "MessageId", "Channel", "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_MessageId_MemberId",
                table: "CampaignRecipients",
                columns: new[] { "MessageId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_SendKey",
                table: "CampaignRecipients",
                column: "SendKey");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_entry_versions_EntryId_Number",
                table: "knowledge_entry_versions",
                columns: new[] { "EntryId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_HouseholdId",
                table: "QuizAttempts",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_MemberId",
                table: "QuizAttempts",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_QuizId_HouseholdId",
                table: "QuizAttempts",
                columns: new[] { "QuizId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuizQuestions_QuizId_Position",
                table: "QuizQuestions",
                columns: new[] { "QuizId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_CampaignId",
                table: "Quizzes",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_RosterImportJobs_Status",
                table: "RosterImportJobs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_RosterImportProblems_JobId_Sheet_RowNumber",
                table: "RosterImportProblems",
                columns: new[] { "JobId", "Sheet", "RowNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_account_audit_entries_OccurredAt",
                table: "staff_account_audit_entries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_staff_role_claims_RoleId",
                table: "staff_role_claims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "staff_roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_user_claims_UserId",
                table: "staff_user_claims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_staff_user_logins_UserId",
                table: "staff_user_logins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_staff_user_roles_RoleId",
                table: "staff_user_roles",
                column: "RoleId");

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_DoctorTeams_DoctorTeamId",
                table: "FollowUps",
                column: "DoctorTeamId",
                principalTable: "DoctorTeams",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_DoctorTeams_DoctorTeamId",
                table: "FollowUps");

            migrationBuilder.DropTable(
                name: "CampaignRecipients");

            migrationBuilder.DropTable(
                name: "knowledge_base_revision");

            migrationBuilder.DropTable(
                name: "knowledge_entry_hits");

            migrationBuilder.DropTable(
                name: "knowledge_entry_versions");

            migrationBuilder.DropTable(
                name: "QuizAttempts");

            migrationBuilder.DropTable(
                name: "QuizQuestions");

            migrationBuilder.DropTable(
                name: "RosterImportProblems");

            migrationBuilder.DropTable(
                name: "staff_account_audit_entries");

            migrationBuilder.DropTable(
                name: "staff_regions");

            migrationBuilder.DropTable(
                name: "staff_role_claims");

            migrationBuilder.DropTable(
                name: "staff_user_claims");

            migrationBuilder.DropTable(
                name: "staff_user_logins");

            migrationBuilder.DropTable(
                name: "staff_user_roles");

            migrationBuilder.DropTable(
                name: "staff_user_tokens");

            migrationBuilder.DropTable(
                name: "WeChatFollowers");

            migrationBuilder.DropTable(
                name: "CampaignMessages");

            migrationBuilder.DropTable(
                name: "Quizzes");

            migrationBuilder.DropTable(
                name: "RosterImportJobs");

            migrationBuilder.DropTable(
                name: "staff_roles");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_unanswered_questions_Status_GroupKey",
                table: "unanswered_questions");

            migrationBuilder.DropIndex(
                name: "EmailIndex",
                table: "staff_users");

            migrationBuilder.DropIndex(
                name: "UserNameIndex",
                table: "staff_users");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_DoctorTeamId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "GroupKey",
                table: "unanswered_questions");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "EmailConfirmed",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "LockoutEnabled",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "NormalizedEmail",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "NormalizedUserName",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "PhoneNumber",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "PhoneNumberConfirmed",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "SecurityStamp",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "TwoFactorEnabled",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "HealthRecordOpenedOn",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Draft",
                table: "KnowledgeEntries");

            migrationBuilder.DropColumn(
                name: "Detail",
                table: "HouseholdAuditEntries");

            migrationBuilder.DropColumn(
                name: "DoctorTeamId",
                table: "FollowUps");

            migrationBuilder.RenameColumn(
                name: "LockoutEnd",
                table: "staff_users",
                newName: "LockedUntil");

            migrationBuilder.RenameColumn(
                name: "AccessFailedCount",
                table: "staff_users",
                newName: "FailedLogins");

            migrationBuilder.AlterColumn<string>(
                name: "UserName",
                table: "staff_users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PasswordHash",
                table: "staff_users",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegionCode",
                table: "staff_users",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "staff_users",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_staff_users_UserName",
                table: "staff_users",
                column: "UserName",
                unique: true);
        }
    }
}
