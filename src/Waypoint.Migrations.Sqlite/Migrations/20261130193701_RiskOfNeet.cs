using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waypoint.Migrations.Sqlite.Migrations
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    cohort_year = table.Column<int>(type: "INTEGER", nullable: false),
                    young_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    gender = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    ethnicity_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    attendance_percent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    suspensions = table.Column<int>(type: "INTEGER", nullable: false),
                    permanent_exclusions = table.Column<int>(type: "INTEGER", nullable: false),
                    free_school_meals = table.Column<bool>(type: "INTEGER", nullable: false),
                    sen_support = table.Column<bool>(type: "INTEGER", nullable: false),
                    ehc_plan = table.Column<bool>(type: "INTEGER", nullable: false),
                    english_additional_language = table.Column<bool>(type: "INTEGER", nullable: false),
                    looked_after = table.Column<bool>(type: "INTEGER", nullable: false),
                    child_in_need = table.Column<bool>(type: "INTEGER", nullable: false),
                    young_carer = table.Column<bool>(type: "INTEGER", nullable: false),
                    pregnant_or_parent = table.Column<bool>(type: "INTEGER", nullable: false),
                    youth_justice = table.Column<bool>(type: "INTEGER", nullable: false),
                    alternative_provision = table.Column<bool>(type: "INTEGER", nullable: false),
                    school_moves = table.Column<int>(type: "INTEGER", nullable: false),
                    ks2scaled_score = table.Column<int>(type: "INTEGER", nullable: true),
                    neet_or_not_known = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_indicator_sets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    definition_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_indicator_sets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_list_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    young_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    decided_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decided_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    trained_on_cohorts = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    training_pupils = table.Column<int>(type: "INTEGER", nullable: false),
                    model_json = table.Column<string>(type: "TEXT", nullable: false),
                    trained_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    trained_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_models", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "risk_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    young_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    school_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    year_group = table.Column<int>(type: "INTEGER", nullable: false),
                    term_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    indicator_set_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    indicator_set_version = table.Column<int>(type: "INTEGER", nullable: false),
                    points = table.Column<int>(type: "INTEGER", nullable: false),
                    band = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    previous_points = table.Column<int>(type: "INTEGER", nullable: true),
                    model_probability = table.Column<double>(type: "REAL", nullable: true),
                    model_version = table.Column<int>(type: "INTEGER", nullable: true),
                    model_factors = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    computed_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    young_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    adviser_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    adviser_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    assigned_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    assigned_by_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    assigned_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    outcome_recorded_at = table.Column<DateTime>(type: "TEXT", nullable: true)
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
