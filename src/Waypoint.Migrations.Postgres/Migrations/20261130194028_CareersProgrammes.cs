using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waypoint.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CareersProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "benchmark_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    area_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answered_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benchmark_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_benchmark_answers_school",
                        column: x => x.school_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "benchmark_snapshots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    taken_on = table.Column<DateOnly>(type: "date", nullable: false),
                    benchmark = table.Column<int>(type: "integer", nullable: false),
                    areas_met = table.Column<int>(type: "integer", nullable: false),
                    areas = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_benchmark_snapshots", x => x.id);
                    table.ForeignKey(
                        name: "fk_benchmark_snapshots_school",
                        column: x => x.school_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "careers_partners",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sectors = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    activity_types = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    is_stem = table.Column<bool>(type: "boolean", nullable: false),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_careers_partners", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "careers_programmes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    careers_leader_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    careers_leader_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    careers_leader_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    how_to_access = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    impact_measurement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    provider_access_policy = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    next_review_date = table.Column<DateOnly>(type: "date", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_careers_programmes", x => x.id);
                    table.ForeignKey(
                        name: "fk_careers_programmes_school",
                        column: x => x.school_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pupil_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pupil_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_pupil_groups_school",
                        column: x => x.school_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "careers_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    academic_year = table.Column<int>(type: "integer", nullable: false),
                    before_march = table.Column<bool>(type: "boolean", nullable: false),
                    in_school_hours = table.Column<bool>(type: "boolean", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    delivered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    benchmarks = table.Column<int>(type: "integer", nullable: false),
                    purpose = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    learning_outcomes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    two_way_interaction = table.Column<bool>(type: "boolean", nullable: false),
                    employer_task = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    employer_feedback = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    hours = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_careers_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_careers_activities_partner",
                        column: x => x.partner_id,
                        principalTable: "careers_partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_careers_activities_school",
                        column: x => x.school_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "planned_careers_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    year_group = table.Column<int>(type: "integer", nullable: false),
                    term = table.Column<int>(type: "integer", nullable: false),
                    benchmarks = table.Column<int>(type: "integer", nullable: false),
                    learning_outcomes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    scheduled_for = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_planned_careers_activities", x => x.id);
                    table.ForeignKey(
                        name: "fk_planned_careers_activities_partner",
                        column: x => x.partner_id,
                        principalTable: "careers_partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_planned_careers_activities_programme",
                        column: x => x.programme_id,
                        principalTable: "careers_programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pupil_group_members",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pupil_group_members", x => new { x.group_id, x.young_person_id });
                    table.ForeignKey(
                        name: "fk_pupil_group_members_group",
                        column: x => x.group_id,
                        principalTable: "pupil_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pupil_group_members_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "careers_participations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year_group = table.Column<int>(type: "integer", nullable: false),
                    reflection = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    type = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    academic_year = table.Column<int>(type: "integer", nullable: false),
                    before_march = table.Column<bool>(type: "boolean", nullable: false),
                    in_school_hours = table.Column<bool>(type: "boolean", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    hours = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_careers_participations", x => x.id);
                    table.ForeignKey(
                        name: "fk_careers_participations_activity",
                        column: x => x.activity_id,
                        principalTable: "careers_activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_careers_participations_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_benchmark_answers_school_area",
                table: "benchmark_answers",
                columns: new[] { "school_id", "area_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_benchmark_snapshots_school_date",
                table: "benchmark_snapshots",
                columns: new[] { "school_id", "taken_on", "benchmark" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_careers_activities_partner_id",
                table: "careers_activities",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_careers_activities_school_date",
                table: "careers_activities",
                columns: new[] { "school_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_careers_participations_person",
                table: "careers_participations",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_careers_participations_school_person",
                table: "careers_participations",
                columns: new[] { "school_id", "young_person_id" });

            migrationBuilder.CreateIndex(
                name: "ux_careers_participations_activity_person",
                table: "careers_participations",
                columns: new[] { "activity_id", "young_person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_careers_partners_la_name",
                table: "careers_partners",
                columns: new[] { "la_code", "name" });

            migrationBuilder.CreateIndex(
                name: "ux_careers_programmes_school",
                table: "careers_programmes",
                column: "school_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_planned_careers_activities_partner_id",
                table: "planned_careers_activities",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_planned_careers_activities_programme_id",
                table: "planned_careers_activities",
                column: "programme_id");

            migrationBuilder.CreateIndex(
                name: "ix_pupil_group_members_person",
                table: "pupil_group_members",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ux_pupil_groups_school_name",
                table: "pupil_groups",
                columns: new[] { "school_id", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "benchmark_answers");

            migrationBuilder.DropTable(
                name: "benchmark_snapshots");

            migrationBuilder.DropTable(
                name: "careers_participations");

            migrationBuilder.DropTable(
                name: "planned_careers_activities");

            migrationBuilder.DropTable(
                name: "pupil_group_members");

            migrationBuilder.DropTable(
                name: "careers_activities");

            migrationBuilder.DropTable(
                name: "careers_programmes");

            migrationBuilder.DropTable(
                name: "pupil_groups");

            migrationBuilder.DropTable(
                name: "careers_partners");
        }
    }
}
