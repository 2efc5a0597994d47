using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolicyAssistant.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BindingLockouts",
                columns: table => new
                {
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BindingLockouts", x => x.Subject);
                });

            migrationBuilder.CreateTable(
                name: "BotStates",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BotStates", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdAuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdAuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeEntries",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Questions = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Track = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Regions = table.Column<string>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EditedInBackOffice = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Regions_Regions_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SmsContinuations",
                columns: table => new
                {
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RemainingText = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsContinuations", x => x.PhoneNumber);
                });

            migrationBuilder.CreateTable(
                name: "SmsInboundMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SequenceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    SignName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DestCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsInboundMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsOptOuts",
                columns: table => new
                {
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Keyword = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OptedOutAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsOptOuts", x => x.PhoneNumber);
                });

            migrationBuilder.CreateTable(
                name: "SmsOutboundMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    SignName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TemplateCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TemplateParamsJson = table.Column<string>(type: "TEXT", nullable: true),
                    SegmentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProviderMessageId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    InReplyToId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsOutboundMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsOutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PhoneNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SignName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TemplateCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TemplateParamsJson = table.Column<string>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    SegmentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsOutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_users",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    FailedLogins = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LastLoginAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Transcripts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Timestamp = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transcripts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unanswered_questions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BestGuessEntryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    AskedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResolvedEntryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unanswered_questions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vocabulary_documents",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EditedInBackOffice = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vocabulary_documents", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "WeChatAccessTokens",
                columns: table => new
                {
                    AppId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ForcedRefreshAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseHolder = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatAccessTokens", x => x.AppId);
                });

            migrationBuilder.CreateTable(
                name: "WeChatDeliveryReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MsgId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    TotalCount = table.Column<int>(type: "INTEGER", nullable: true),
                    FilterCount = table.Column<int>(type: "INTEGER", nullable: true),
                    SentCount = table.Column<int>(type: "INTEGER", nullable: true),
                    ErrorCount = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatDeliveryReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WeChatInboundMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DedupeKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplyXml = table.Column<string>(type: "TEXT", nullable: true),
                    ReplyText = table.Column<string>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeChatInboundMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DoctorTeams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    InstitutionKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TownshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoctorTeams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoctorTeams_Regions_TownshipId",
                        column: x => x.TownshipId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VillageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsRegisteredPoor = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Households_Regions_VillageId",
                        column: x => x.VillageId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyDoctors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DoctorTeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyDoctors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyDoctors_DoctorTeams_DoctorTeamId",
                        column: x => x.DoctorTeamId,
                        principalTable: "DoctorTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RelationToHead = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IdNumberHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberCiphertext = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PhoneHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PhoneCiphertext = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    IsPolicyLiterateMember = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Members_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BindingChallenges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UserKeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BindingChallenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BindingChallenges_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChronicCertifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Disease = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NextStepDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChronicCertifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChronicCertifications_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DoctorContracts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    DoctorTeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Services = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TerminationReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoctorContracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoctorContracts_DoctorTeams_DoctorTeamId",
                        column: x => x.DoctorTeamId,
                        principalTable: "DoctorTeams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DoctorContracts_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DoctorContracts_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FamilyDoctorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_FamilyDoctors_FamilyDoctorId",
                        column: x => x.FamilyDoctorId,
                        principalTable: "FamilyDoctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FollowUps_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdentityBindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UserKeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    BoundAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityBindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdentityBindings_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InpatientStays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    HospitalName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    HospitalLevel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InCounty = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasReferral = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDesignatedHospital = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsEmergency = table.Column<bool>(type: "INTEGER", nullable: false),
                    AdmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DischargedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Diagnosis = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Exclusion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Settlement_BasicInsurance = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Settlement_CountyFinanceShare = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Settlement_CoveredCost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Settlement_CriticalIllnessInsurance = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Settlement_MedicalAssistance = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Settlement_SafetyNet = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Settlement_SelfPay = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Settlement_SupplementaryInsurance = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Settlement_TotalBill = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Settlement_TownshipHealthCenterShare = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InpatientStays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InpatientStays_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BindingChallenges_ChannelId_UserKeyHash",
                table: "BindingChallenges",
                columns: new[] { "ChannelId", "UserKeyHash" });

            migrationBuilder.CreateIndex(
                name: "IX_BindingChallenges_MemberId",
                table: "BindingChallenges",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ChronicCertifications_MemberId",
                table: "ChronicCertifications",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ChronicCertifications_Status",
                table: "ChronicCertifications",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_DoctorContracts_DoctorTeamId",
                table: "DoctorContracts",
                column: "DoctorTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_DoctorContracts_HouseholdId",
                table: "DoctorContracts",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_DoctorContracts_MemberId",
                table: "DoctorContracts",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_DoctorContracts_Status",
                table: "DoctorContracts",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_DoctorTeams_TownshipId",
                table: "DoctorTeams",
                column: "TownshipId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyDoctors_DoctorTeamId",
                table: "FamilyDoctors",
                column: "DoctorTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_FamilyDoctorId",
                table: "FollowUps",
                column: "FamilyDoctorId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_MemberId_Date",
                table: "FollowUps",
                columns: new[] { "MemberId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdAuditEntries_HouseholdId_OccurredAt",
                table: "HouseholdAuditEntries",
                columns: new[] { "HouseholdId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdAuditEntries_OccurredAt",
                table: "HouseholdAuditEntries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Households_VillageId",
                table: "Households",
                column: "VillageId");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityBindings_ChannelId_UserKeyHash",
                table: "IdentityBindings",
                columns: new[] { "ChannelId", "UserKeyHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdentityBindings_MemberId",
                table: "IdentityBindings",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_InpatientStays_MemberId",
                table: "InpatientStays",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Members_HouseholdId",
                table: "Members",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Members_IdNumberHash",
                table: "Members",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Members_PhoneHash",
                table: "Members",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Code",
                table: "Regions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regions_ParentId",
                table: "Regions",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_SmsInboundMessages_PhoneNumber_ReceivedAt",
                table: "SmsInboundMessages",
                columns: new[] { "PhoneNumber", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsInboundMessages_SequenceId",
                table: "SmsInboundMessages",
                column: "SequenceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsInboundMessages_Status_NextAttemptAt",
                table: "SmsInboundMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsOutboundMessages_OutId",
                table: "SmsOutboundMessages",
                column: "OutId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsOutboundMessages_PhoneNumber_Kind_CreatedAt",
                table: "SmsOutboundMessages",
                columns: new[] { "PhoneNumber", "Kind", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsOutboundMessages_ProviderMessageId",
                table: "SmsOutboundMessages",
                column: "ProviderMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_SmsOutboundMessages_Status_NextAttemptAt",
                table: "SmsOutboundMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsOutboxMessages_OutId",
                table: "SmsOutboxMessages",
                column: "OutId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsOutboxMessages_PhoneNumber_CreatedAt",
                table: "SmsOutboxMessages",
                columns: new[] { "PhoneNumber", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_users_UserName",
                table: "staff_users",
                column: "UserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Transcripts_ChannelId_ConversationId",
                table: "Transcripts",
                columns: new[] { "ChannelId", "ConversationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Transcripts_Timestamp",
                table: "Transcripts",
                column: "Timestamp");

            migrationBuilder.CreateIndex(
                name: "IX_unanswered_questions_Status_Id",
                table: "unanswered_questions",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WeChatDeliveryReports_AppId_Kind_MsgId",
                table: "WeChatDeliveryReports",
                columns: new[] { "AppId", "Kind", "MsgId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeChatInboundMessages_DedupeKey",
                table: "WeChatInboundMessages",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeChatInboundMessages_UserKey_State",
                table: "WeChatInboundMessages",
                columns: new[] { "UserKey", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BindingChallenges");

            migrationBuilder.DropTable(
                name: "BindingLockouts");

            migrationBuilder.DropTable(
                name: "BotStates");

            migrationBuilder.DropTable(
                name: "ChronicCertifications");

            migrationBuilder.DropTable(
                name: "DoctorContracts");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "HouseholdAuditEntries");

            migrationBuilder.DropTable(
                name: "IdentityBindings");

            migrationBuilder.DropTable(
                name: "InpatientStays");

            migrationBuilder.DropTable(
                name: "KnowledgeEntries");

            migrationBuilder.DropTable(
                name: "SmsContinuations");

            migrationBuilder.DropTable(
                name: "SmsInboundMessages");

            migrationBuilder.DropTable(
                name: "SmsOptOuts");

            migrationBuilder.DropTable(
                name: "SmsOutboundMessages");

            migrationBuilder.DropTable(
                name: "SmsOutboxMessages");

            migrationBuilder.DropTable(
                name: "staff_users");

            migrationBuilder.DropTable(
                name: "Transcripts");

            migrationBuilder.DropTable(
                name: "unanswered_questions");

            migrationBuilder.DropTable(
                name: "vocabulary_documents");

            migrationBuilder.DropTable(
                name: "WeChatAccessTokens");

            migrationBuilder.DropTable(
                name: "WeChatDeliveryReports");

            migrationBuilder.DropTable(
                name: "WeChatInboundMessages");

            migrationBuilder.DropTable(
                name: "FamilyDoctors");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "DoctorTeams");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
