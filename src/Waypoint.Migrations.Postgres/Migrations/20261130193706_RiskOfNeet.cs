using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Waypoint.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RiskOfNeet : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "risk_history",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    cohort_year = table.Column<int>(type: "integer", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    gender = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    ethnicity_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    attendance_percent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    suspensions = table.Column<int>(type: "integer", nullable: false),
                    permanent_exclusions = table.Column<int>(type: "integer", nullable: false),
                    free_school_meals = table.Column<bool>(type: "boolean", nullable: false),
                    sen_support = table.Column<bool>(type: "boolean", nullable: false),
                    ehc_plan = table.Column<bool>(type: "boolean", nullable: false),
                    english_additional_language = table.Column<bool>(type: "boolean", nullable: false),
                    looked_after = table.Column<bool>(type: "boolean", nullable: false),
                    child_in_need = table.Column<bool>(type: "boolean", nullable: false),
                    young_carer = table.Column<bool>(type: "boolean", nullable: false),
                    pregnant_or_parent = table.Column<bool>(type: "boolean", nullable: false),
                    youth_justice = table.Column<bool>(type: "boolean", nullable: false),
                    alternative_provision = table.Column<bool>(type: "boolean", nullable: false),
                    school_moves = table.Column<int>(type: "integer", nullable: false),
                    ks2scaled_score = table.Column<int>(type: "integer", nullable: true),
                    neet_or_not_known = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_indicator_sets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    definition_json = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_indicator_sets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_list_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_list_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_list_decisions_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_models",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    trained_on_cohorts = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    training_pupils = table.Column<int>(type: "integer", nullable: false),
                    model_json = table.Column<string>(type: "text", nullable: false),
                    trained_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    trained_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_models", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: true),
                    year_group = table.Column<int>(type: "integer", nullable: false),
                    term_start = table.Column<DateOnly>(type: "date", nullable: false),
                    indicator_set_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_set_version = table.Column<int>(type: "integer", nullable: false),
                    points = table.Column<int>(type: "integer", nullable: false),
                    band = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    previous_points = table.Column<int>(type: "integer", nullable: true),
                    model_probability = table.Column<double>(type: "double precision", nullable: true),
                    model_version = table.Column<int>(type: "integer", nullable: true),
                    model_factors = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    computed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_scores_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_supports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    adviser_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    adviser_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    assigned_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    assigned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    outcome_recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_supports", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_supports_adviser",
                        column: x => x.adviser_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_risk_supports_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_risk_history_la_cohort",
                table: "risk_history",
                columns: new[] { "la_code", "cohort_year" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_indicator_sets_la_version",
                table: "risk_indicator_sets",
                columns: new[] { "la_code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_list_decisions_person",
                table: "risk_list_decisions",
                columns: new[] { "young_person_id", "decided_at" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_models_la_version",
                table: "risk_models",
                columns: new[] { "la_code", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_scores_la_term_points",
                table: "risk_scores",
                columns: new[] { "la_code", "term_start", "points" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_scores_person_term",
                table: "risk_scores",
                columns: new[] { "young_person_id", "term_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_scores_school_term",
                table: "risk_scores",
                columns: new[] { "school_id", "term_start" });

            migrationBuilder.CreateIndex(
                name: "ix_risk_supports_adviser_user_id",
                table: "risk_supports",
                column: "adviser_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_supports_person",
                table: "risk_supports",
                column: "young_person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "risk_history");

            migrationBuilder.DropTable(
                name: "risk_indicator_sets");

            migrationBuilder.DropTable(
                name: "risk_list_decisions");

            migrationBuilder.DropTable(
                name: "risk_models");

            migrationBuilder.DropTable(
                name: "risk_scores");

            migrationBuilder.DropTable(
                name: "risk_supports");
        }
    }
}
