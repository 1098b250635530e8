using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waypoint.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Prospectus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applicant_profiles",
                columns: table => new
                {
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    qualifications = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    interests = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    support_needs = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    referee_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    referee_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applicant_profiles", x => x.young_person_id);
                    table.ForeignKey(
                        name: "fk_applicant_profiles_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "courses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    qualification_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    subject_area = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entry_requirements = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    duration_months = table.Column<int>(type: "integer", nullable: false),
                    study_mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    venue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    venue_postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    application_deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_courses", x => x.id);
                    table.ForeignKey(
                        name: "fk_courses_provider",
                        column: x => x.provider_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "course_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    personal_statement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    offer_conditions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    provider_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    interview_on = table.Column<DateOnly>(type: "date", nullable: true),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_course_applications_course",
                        column: x => x.course_id,
                        principalTable: "courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_course_applications_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_course_applications_course",
                table: "course_applications",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_applications_provider",
                table: "course_applications",
                columns: new[] { "provider_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ux_course_applications_person_course",
                table: "course_applications",
                columns: new[] { "young_person_id", "course_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_courses_provider",
                table: "courses",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_courses_updated_at",
                table: "courses",
                column: "updated_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "applicant_profiles");

            migrationBuilder.DropTable(
                name: "course_applications");

            migrationBuilder.DropTable(
                name: "courses");
        }
    }
}
