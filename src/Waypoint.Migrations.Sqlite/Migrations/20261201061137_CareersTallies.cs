using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waypoint.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CareersTallies : Migration
    {
        private const string Columns = "young_person_id, school_id, activities, employer_encounters, workplace_to_year11, workplace_years12to13, workplace_hours, higher_education, guidance_to_year11, guidance_years12to13, latest_year, employer_encounters_in_latest_year, lessons_in_latest_year, latest_date, phase1provider, phase1other_provider, phase2provider, phase2other_provider, phase3provider, phase3other_provider";

        // The tallies of the participation rows in a source (a table, or a subquery in brackets): one per pupil and
        // school. Type numbers are CareersActivityType's: 0 to 6 employer encounters, 4 to 6 workplace experiences, 7
        // provider encounters, 8 higher education, 9 careers lessons, 10 personal guidance; the phase is
        // CareersMeasures.ProviderPhase. The provider and the other provider of a phase are the lowest and, if
        // different, the highest, which is all "two distinct providers" needs. CareersMeasuresService.CheckTalliesAsync
        // holds all of this to counting the rows in C#.
        private static string TallyRows(string source) => $@"SELECT r.young_person_id, r.school_id,
        count(*),
        count(*) FILTER (WHERE r.type BETWEEN 0 AND 6),
        count(*) FILTER (WHERE r.type BETWEEN 4 AND 6 AND r.year_group <= 11),
        count(*) FILTER (WHERE r.type BETWEEN 4 AND 6 AND r.year_group BETWEEN 12 AND 13),
        coalesce(sum(CAST(r.hours AS REAL)) FILTER (WHERE r.type BETWEEN 4 AND 6), 0),
        count(*) FILTER (WHERE r.type = 8),
        count(*) FILTER (WHERE r.type = 10 AND r.year_group <= 11),
        count(*) FILTER (WHERE r.type = 10 AND r.year_group BETWEEN 12 AND 13),
        max(r.academic_year),
        count(*) FILTER (WHERE r.type BETWEEN 0 AND 6 AND r.academic_year = m.latest_year),
        count(*) FILTER (WHERE r.type = 9 AND r.academic_year = m.latest_year),
        max(r.date),
        min(r.partner_id) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 1),
        nullif(max(r.partner_id) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 1), min(r.partner_id) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 1)),
        min(r.partner_id) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 2),
        nullif(max(r.partner_id) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 2), min(r.partner_id) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 2)),
        min(r.partner_id) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 3),
        nullif(max(r.partner_id) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 3), min(r.partner_id) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 3))
    FROM (SELECT *, CASE WHEN year_group IN (8, 10, 12) THEN (year_group - 6) / 2 WHEN year_group IN (9, 11, 13) AND before_march THEN (year_group - 7) / 2 ELSE 0 END AS phase FROM {source} s) r
    JOIN (SELECT young_person_id, school_id, max(academic_year) AS latest_year FROM {source} s GROUP BY young_person_id, school_id) m
        ON m.young_person_id = r.young_person_id AND m.school_id = r.school_id
    GROUP BY r.young_person_id, r.school_id";

        // Whether the inserted row is a provider encounter in school hours with a named provider in the phase.
        private static string NewProviderInPhase(int phase) =>
            $"NEW.type = 7 AND NEW.in_school_hours AND NEW.partner_id IS NOT NULL AND CASE WHEN NEW.year_group IN (8, 10, 12) THEN (NEW.year_group - 6) / 2 WHEN NEW.year_group IN (9, 11, 13) AND NEW.before_march THEN (NEW.year_group - 7) / 2 ELSE 0 END = {phase}";

        private static string Recount(string where) =>
            $"INSERT INTO careers_tallies ({Columns}) {TallyRows($"(SELECT * FROM careers_participations WHERE {where})")};";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "careers_tallies",
                columns: table => new
                {
                    young_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    school_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    activities = table.Column<int>(type: "INTEGER", nullable: false),
                    employer_encounters = table.Column<int>(type: "INTEGER", nullable: false),
                    workplace_to_year11 = table.Column<int>(type: "INTEGER", nullable: false),
                    workplace_years12to13 = table.Column<int>(type: "INTEGER", nullable: false),
                    workplace_hours = table.Column<double>(type: "REAL", nullable: false),
                    higher_education = table.Column<int>(type: "INTEGER", nullable: false),
                    guidance_to_year11 = table.Column<int>(type: "INTEGER", nullable: false),
                    guidance_years12to13 = table.Column<int>(type: "INTEGER", nullable: false),
                    latest_year = table.Column<int>(type: "INTEGER", nullable: false),
                    employer_encounters_in_latest_year = table.Column<int>(type: "INTEGER", nullable: false),
                    lessons_in_latest_year = table.Column<int>(type: "INTEGER", nullable: false),
                    latest_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    phase1provider = table.Column<Guid>(type: "TEXT", nullable: true),
                    phase1other_provider = table.Column<Guid>(type: "TEXT", nullable: true),
                    phase2provider = table.Column<Guid>(type: "TEXT", nullable: true),
                    phase2other_provider = table.Column<Guid>(type: "TEXT", nullable: true),
                    phase3provider = table.Column<Guid>(type: "TEXT", nullable: true),
                    phase3other_provider = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_careers_tallies", x => new { x.young_person_id, x.school_id });
                    table.ForeignKey(
                        name: "fk_careers_tallies_young_person",
                        column: x => x.young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_careers_tallies_latest_date",
                table: "careers_tallies",
                column: "latest_date");

            migrationBuilder.CreateIndex(
                name: "ix_careers_tallies_school",
                table: "careers_tallies",
                column: "school_id");
            // The tallies are kept by the database, in the transaction of every write to careers_participations, so that
            // no write path can leave them out of step with the rows: an insert adds its counts to the pupil's tally
            // (made first if missing); a delete, or a change of a counted column, counts the pupil's tally again from
            // the rows (ADR 0007). A later migration that rebuilds careers_participations must create these again.
            migrationBuilder.Sql($@"CREATE TRIGGER careers_tallies_on_insert AFTER INSERT ON careers_participations BEGIN
    INSERT OR IGNORE INTO careers_tallies ({Columns})
    VALUES (NEW.young_person_id, NEW.school_id, 0, 0, 0, 0, 0.0, 0, 0, 0, NEW.academic_year, 0, 0, NEW.date, NULL, NULL, NULL, NULL, NULL, NULL);
    UPDATE careers_tallies SET
        activities = activities + 1,
        employer_encounters = employer_encounters + (NEW.type BETWEEN 0 AND 6),
        workplace_to_year11 = workplace_to_year11 + (NEW.type BETWEEN 4 AND 6 AND NEW.year_group <= 11),
        workplace_years12to13 = workplace_years12to13 + (NEW.type BETWEEN 4 AND 6 AND NEW.year_group BETWEEN 12 AND 13),
        workplace_hours = workplace_hours + CASE WHEN NEW.type BETWEEN 4 AND 6 THEN coalesce(CAST(NEW.hours AS REAL), 0.0) ELSE 0.0 END,
        higher_education = higher_education + (NEW.type = 8),
        guidance_to_year11 = guidance_to_year11 + (NEW.type = 10 AND NEW.year_group <= 11),
        guidance_years12to13 = guidance_years12to13 + (NEW.type = 10 AND NEW.year_group BETWEEN 12 AND 13),
        employer_encounters_in_latest_year = CASE WHEN NEW.academic_year > latest_year THEN (NEW.type BETWEEN 0 AND 6) WHEN NEW.academic_year = latest_year THEN employer_encounters_in_latest_year + (NEW.type BETWEEN 0 AND 6) ELSE employer_encounters_in_latest_year END,
        lessons_in_latest_year = CASE WHEN NEW.academic_year > latest_year THEN (NEW.type = 9) WHEN NEW.academic_year = latest_year THEN lessons_in_latest_year + (NEW.type = 9) ELSE lessons_in_latest_year END,
        latest_year = max(latest_year, NEW.academic_year),
        latest_date = max(latest_date, NEW.date),
        phase1provider = CASE WHEN {NewProviderInPhase(1)} THEN coalesce(phase1provider, NEW.partner_id) ELSE phase1provider END,
        phase1other_provider = CASE WHEN {NewProviderInPhase(1)} AND phase1other_provider IS NULL AND phase1provider <> NEW.partner_id THEN NEW.partner_id ELSE phase1other_provider END,
        phase2provider = CASE WHEN {NewProviderInPhase(2)} THEN coalesce(phase2provider, NEW.partner_id) ELSE phase2provider END,
        phase2other_provider = CASE WHEN {NewProviderInPhase(2)} AND phase2other_provider IS NULL AND phase2provider <> NEW.partner_id THEN NEW.partner_id ELSE phase2other_provider END,
        phase3provider = CASE WHEN {NewProviderInPhase(3)} THEN coalesce(phase3provider, NEW.partner_id) ELSE phase3provider END,
        phase3other_provider = CASE WHEN {NewProviderInPhase(3)} AND phase3other_provider IS NULL AND phase3provider <> NEW.partner_id THEN NEW.partner_id ELSE phase3other_provider END
    WHERE young_person_id = NEW.young_person_id AND school_id = NEW.school_id;
END;");
            migrationBuilder.Sql($@"CREATE TRIGGER careers_tallies_on_delete AFTER DELETE ON careers_participations BEGIN
    DELETE FROM careers_tallies WHERE young_person_id = OLD.young_person_id AND school_id = OLD.school_id;
    {Recount("young_person_id = OLD.young_person_id AND school_id = OLD.school_id")}
END;");
            migrationBuilder.Sql($@"CREATE TRIGGER careers_tallies_on_update
AFTER UPDATE OF young_person_id, school_id, type, date, academic_year, year_group, before_march, in_school_hours, partner_id, hours ON careers_participations BEGIN
    DELETE FROM careers_tallies WHERE young_person_id = OLD.young_person_id AND school_id = OLD.school_id;
    DELETE FROM careers_tallies WHERE young_person_id = NEW.young_person_id AND school_id = NEW.school_id;
    {Recount("(young_person_id = OLD.young_person_id AND school_id = OLD.school_id) OR (young_person_id = NEW.young_person_id AND school_id = NEW.school_id)")}
END;");

            // The participations recorded before this migration.
            migrationBuilder.Sql($"INSERT INTO careers_tallies ({Columns}) {TallyRows("careers_participations")};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS careers_tallies_on_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS careers_tallies_on_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS careers_tallies_on_insert;");
            migrationBuilder.DropTable(
                name: "careers_tallies");
        }
    }
}
