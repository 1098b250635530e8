using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waypoint.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ParticipationTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "adviser_user_id",
                table: "young_people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "cohort_status_changed_on",
                table: "young_people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cohort_status_reason",
                table: "young_people",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "current_activity_code",
                table: "young_people",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "current_activity_id",
                table: "young_people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "current_activity_start",
                table: "young_people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "current_due_to_lapse",
                table: "young_people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "current_neet_start",
                table: "young_people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "current_review_date",
                table: "young_people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "intended_destination_code",
                table: "young_people",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "intended_destination_recorded_on",
                table: "young_people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "postcode_district",
                table: "young_people",
                type: "TEXT",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "previous_young_persons_id",
                table: "young_people",
                type: "TEXT",
                maxLength: 13,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "transferred_to_la_code",
                table: "young_people",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "due_to_lapse_date",
                table: "activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cohort_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    young_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    transferred_to_la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    changed_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    young_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    assigned_to_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    source_activity_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    completed_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                name: "journey_states",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    young_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journey_states", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "september_guarantee_offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    young_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    academic_year = table.Column<int>(type: "INTEGER", nullable: false),
                    year_group = table.Column<int>(type: "INTEGER", nullable: false),
                    status_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    provider_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    provider_organisation_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true)
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
                name: "ix_young_people_adviser",
                table: "young_people",
                columns: new[] { "lead_la_code", "adviser_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_young_people_adviser_user_id",
                table: "young_people",
                column: "adviser_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_young_people_lead_la_name",
                table: "young_people",
                columns: new[] { "lead_la_code", "family_name", "given_name" });

            migrationBuilder.CreateIndex(
                name: "ix_young_people_postcode_district",
                table: "young_people",
                columns: new[] { "lead_la_code", "postcode_district" });

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
                name: "ux_sg_offers_person_year",
                table: "september_guarantee_offers",
                columns: new[] { "young_person_id", "academic_year", "year_group" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_young_people_adviser",
                table: "young_people",
                column: "adviser_user_id",
                principalTable: "AspNetUsers",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_young_people_adviser",
                table: "young_people");

            migrationBuilder.DropTable(
                name: "cohort_status_changes");

            migrationBuilder.DropTable(
                name: "follow_up_tasks");

            migrationBuilder.DropTable(
                name: "journey_states");

            migrationBuilder.DropTable(
                name: "september_guarantee_offers");

            migrationBuilder.DropIndex(
                name: "ix_young_people_adviser",
                table: "young_people");

            migrationBuilder.DropIndex(
                name: "ix_young_people_adviser_user_id",
                table: "young_people");

            migrationBuilder.DropIndex(
                name: "ix_young_people_lead_la_name",
                table: "young_people");

            migrationBuilder.DropIndex(
                name: "ix_young_people_postcode_district",
                table: "young_people");

            migrationBuilder.DropIndex(
                name: "ix_young_people_work_current_code",
                table: "young_people");

            migrationBuilder.DropIndex(
                name: "ix_young_people_work_due_to_lapse",
                table: "young_people");

            migrationBuilder.DropIndex(
                name: "ix_young_people_work_review",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "adviser_user_id",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "cohort_status_changed_on",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "cohort_status_reason",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "current_activity_code",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "current_activity_id",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "current_activity_start",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "current_due_to_lapse",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "current_neet_start",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "current_review_date",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "intended_destination_code",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "intended_destination_recorded_on",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "postcode_district",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "previous_young_persons_id",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "transferred_to_la_code",
                table: "young_people");

            migrationBuilder.DropColumn(
                name: "due_to_lapse_date",
                table: "activities");
        }
    }
}
