using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waypoint.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CareersProviderEncounterIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_careers_participations_provider_encounters",
                table: "careers_participations",
                columns: new[] { "school_id", "young_person_id", "year_group", "before_march", "partner_id", "date" },
                filter: "type = 7 AND in_school_hours AND partner_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_careers_participations_provider_encounters",
                table: "careers_participations");
        }
    }
}
