using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Waypoint.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    entity_type = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    entity_id = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    details = table.Column<string>(type: "text", nullable: true),
                    ip_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    correlation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "journey_states",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payload = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journey_states", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    urn = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    establishment_number = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    ukprn = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    has_sixth_form = table.Column<bool>(type: "boolean", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_role_claims_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    date_ascertained = table.Column<DateOnly>(type: "date", nullable: false),
                    date_verified = table.Column<DateOnly>(type: "date", nullable: true),
                    review_date = table.Column<DateOnly>(type: "date", nullable: true),
                    predicted_end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    neet_start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    establishment_number = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    establishment_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ukprn = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    source = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    due_to_lapse_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_logins", x => new { x.login_provider, x.provider_key });
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "AspNetRoles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_sign_in_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    is_disabled = table.Column<bool>(type: "boolean", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_users_organisation",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "nccis_submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    record_count = table.Column<int>(type: "integer", nullable: false),
                    file_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_bytes = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nccis_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_nccis_submissions_user",
                        column: x => x.created_by_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "young_people",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    local_id = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    given_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    middle_names = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    family_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    preferred_given_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    preferred_family_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    search_name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    gender = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    ethnicity_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    address_line1 = table.Column<string>(type: "text", nullable: true),
                    address_line2 = table.Column<string>(type: "text", nullable: true),
                    address_line3 = table.Column<string>(type: "text", nullable: true),
                    town = table.Column<string>(type: "text", nullable: true),
                    county = table.Column<string>(type: "text", nullable: true),
                    postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    phone = table.Column<string>(type: "text", nullable: true),
                    contact_preference = table.Column<string>(type: "text", nullable: true),
                    upn = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    former_upn = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    uln = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    lead_la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    educated_la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    la_code_at_year11 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    school_id = table.Column<Guid>(type: "uuid", nullable: true),
                    level_of_need = table.Column<int>(type: "integer", nullable: false),
                    has_ehc_plan = table.Column<bool>(type: "boolean", nullable: false),
                    has_sen_support = table.Column<bool>(type: "boolean", nullable: false),
                    cohort_status = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    cohort_status_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    cohort_status_changed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    transferred_to_la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    previous_young_persons_id = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    adviser_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    intended_destination_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    intended_destination_recorded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    postcode_district = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    current_activity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    current_activity_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    current_activity_start = table.Column<DateOnly>(type: "date", nullable: true),
                    current_due_to_lapse = table.Column<DateOnly>(type: "date", nullable: true),
                    current_neet_start = table.Column<DateOnly>(type: "date", nullable: true),
                    current_review_date = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_young_people", x => x.id);
                    table.ForeignKey(
                        name: "fk_young_people_adviser",
                        column: x => x.adviser_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_young_people_school",
                        column: x => x.school_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "characteristics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_characteristics", x => x.id);
                    table.ForeignKey(
                        name: "fk_characteristics_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cohort_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    to = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    transferred_to_la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    changed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cohort_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_cohort_status_changes_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assigned_to_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_activity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    completed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_follow_up_tasks_assignee",
                        column: x => x.assigned_to_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_follow_up_tasks_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "parent_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relationship = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    consent_given = table.Column<bool>(type: "boolean", nullable: false),
                    consent_recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parent_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_parent_links_user",
                        column: x => x.parent_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_parent_links_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pupil_census",
                columns: table => new
                {
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    free_school_meals = table.Column<bool>(type: "boolean", nullable: false),
                    english_additional_language = table.Column<bool>(type: "boolean", nullable: false),
                    child_in_need = table.Column<bool>(type: "boolean", nullable: false),
                    young_carer = table.Column<bool>(type: "boolean", nullable: false),
                    attendance_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    suspensions = table.Column<int>(type: "integer", nullable: false),
                    permanent_exclusions = table.Column<int>(type: "integer", nullable: false),
                    school_moves = table.Column<int>(type: "integer", nullable: false),
                    ks2scaled_score = table.Column<int>(type: "integer", nullable: true),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pupil_census", x => x.young_person_id);
                    table.ForeignKey(
                        name: "fk_pupil_census_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "september_guarantee_offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_year = table.Column<int>(type: "integer", nullable: false),
                    year_group = table.Column<int>(type: "integer", nullable: false),
                    status_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    provider_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_september_guarantee_offers", x => x.id);
                    table.ForeignKey(
                        name: "fk_sg_offers_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_young_person_start",
                table: "activities",
                columns: new[] { "young_person_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_role_claims_role_id",
                table: "AspNetRoleClaims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_claims_user_id",
                table: "AspNetUserClaims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_logins_user_id",
                table: "AspNetUserLogins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_roles_role_id",
                table: "AspNetUserRoles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_users_organisation_id",
                table: "AspNetUsers",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_young_person_id",
                table: "AspNetUsers",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_action",
                table: "audit_events",
                columns: new[] { "action", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_occurred_at",
                table: "audit_events",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_user",
                table: "audit_events",
                columns: new[] { "user_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_young_person",
                table: "audit_events",
                columns: new[] { "young_person_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_characteristics_young_person_code",
                table: "characteristics",
                columns: new[] { "young_person_id", "code" });

            migrationBuilder.CreateIndex(
                name: "ix_cohort_status_changes_person",
                table: "cohort_status_changes",
                columns: new[] { "young_person_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_tasks_assignee_open",
                table: "follow_up_tasks",
                columns: new[] { "assigned_to_user_id", "completed_at", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_tasks_person",
                table: "follow_up_tasks",
                columns: new[] { "young_person_id", "completed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_journey_states_user_kind",
                table: "journey_states",
                columns: new[] { "user_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_nccis_submissions_created_by_user_id",
                table: "nccis_submissions",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_nccis_submissions_la_period",
                table: "nccis_submissions",
                columns: new[] { "la_code", "period_end" });

            migrationBuilder.CreateIndex(
                name: "ix_organisations_la_code",
                table: "organisations",
                column: "la_code");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_ukprn",
                table: "organisations",
                column: "ukprn");

            migrationBuilder.CreateIndex(
                name: "ux_organisations_urn",
                table: "organisations",
                column: "urn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_parent_links_young_person_id",
                table: "parent_links",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ux_parent_links_parent_young_person",
                table: "parent_links",
                columns: new[] { "parent_user_id", "young_person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_sg_offers_person_year",
                table: "september_guarantee_offers",
                columns: new[] { "young_person_id", "academic_year", "year_group" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_young_people_adviser",
                table: "young_people",
                columns: new[] { "lead_la_code", "adviser_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_young_people_adviser_user_id",
                table: "young_people",
                column: "adviser_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_young_people_lead_la_dob",
                table: "young_people",
                columns: new[] { "lead_la_code", "date_of_birth" });

            migrationBuilder.CreateIndex(
                name: "ix_young_people_lead_la_name",
                table: "young_people",
                columns: new[] { "lead_la_code", "family_name", "given_name" });

            migrationBuilder.CreateIndex(
                name: "ix_young_people_lead_la_search_name",
                table: "young_people",
                columns: new[] { "lead_la_code", "search_name" });

            migrationBuilder.CreateIndex(
                name: "ix_young_people_postcode",
                table: "young_people",
                column: "postcode");

            migrationBuilder.CreateIndex(
                name: "ix_young_people_postcode_district",
                table: "young_people",
                columns: new[] { "lead_la_code", "postcode_district" });

            migrationBuilder.CreateIndex(
                name: "ix_young_people_school_dob",
                table: "young_people",
                columns: new[] { "school_id", "date_of_birth" });

            migrationBuilder.CreateIndex(
                name: "ix_young_people_uln",
                table: "young_people",
                column: "uln");

            migrationBuilder.CreateIndex(
                name: "ix_young_people_upn",
                table: "young_people",
                column: "upn");

            migrationBuilder.CreateIndex(
                name: "ix_young_people_work_current_code",
                table: "young_people",
                columns: new[] { "lead_la_code", "current_activity_code", "family_name" });

            migrationBuilder.CreateIndex(
                name: "ix_young_people_work_due_to_lapse",
                table: "young_people",
                columns: new[] { "lead_la_code", "current_due_to_lapse" });

            migrationBuilder.CreateIndex(
                name: "ix_young_people_work_review",
                table: "young_people",
                columns: new[] { "lead_la_code", "current_review_date" });

            migrationBuilder.CreateIndex(
                name: "ux_young_people_lead_la_local_id",
                table: "young_people",
                columns: new[] { "lead_la_code", "local_id" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_activities_young_person",
                table: "activities",
                column: "young_person_id",
                principalTable: "young_people",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_asp_net_user_claims_asp_net_users_user_id",
                table: "AspNetUserClaims",
                column: "user_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_asp_net_user_logins_asp_net_users_user_id",
                table: "AspNetUserLogins",
                column: "user_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_asp_net_user_roles_asp_net_users_user_id",
                table: "AspNetUserRoles",
                column: "user_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_users_young_person",
                table: "AspNetUsers",
                column: "young_person_id",
                principalTable: "young_people",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The audit trail is append-only even for someone with SQL access to the application's role.
            migrationBuilder.Sql(@"CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END $$;");
            migrationBuilder.Sql("CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_events_no_update ON audit_events;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_events_append_only();");
            migrationBuilder.DropForeignKey(
                name: "fk_users_young_person",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "characteristics");

            migrationBuilder.DropTable(
                name: "cohort_status_changes");

            migrationBuilder.DropTable(
                name: "follow_up_tasks");

            migrationBuilder.DropTable(
                name: "journey_states");

            migrationBuilder.DropTable(
                name: "nccis_submissions");

            migrationBuilder.DropTable(
                name: "parent_links");

            migrationBuilder.DropTable(
                name: "pupil_census");

            migrationBuilder.DropTable(
                name: "september_guarantee_offers");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "young_people");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}
