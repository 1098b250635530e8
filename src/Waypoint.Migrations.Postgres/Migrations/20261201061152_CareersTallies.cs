using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waypoint.Migrations.Postgres.Migrations
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
        // A recount replaces the tally, whether it was deleted first or another transaction has written it since.
        private const string Recounted = "activities = excluded.activities, employer_encounters = excluded.employer_encounters, workplace_to_year11 = excluded.workplace_to_year11, workplace_years12to13 = excluded.workplace_years12to13, workplace_hours = excluded.workplace_hours, higher_education = excluded.higher_education, guidance_to_year11 = excluded.guidance_to_year11, guidance_years12to13 = excluded.guidance_years12to13, latest_year = excluded.latest_year, employer_encounters_in_latest_year = excluded.employer_encounters_in_latest_year, lessons_in_latest_year = excluded.lessons_in_latest_year, latest_date = excluded.latest_date, phase1provider = excluded.phase1provider, phase1other_provider = excluded.phase1other_provider, phase2provider = excluded.phase2provider, phase2other_provider = excluded.phase2other_provider, phase3provider = excluded.phase3provider, phase3other_provider = excluded.phase3other_provider";

        private static string TallyRows(string source) => $@"SELECT r.young_person_id, r.school_id,
        count(*),
        count(*) FILTER (WHERE r.type BETWEEN 0 AND 6),
        count(*) FILTER (WHERE r.type BETWEEN 4 AND 6 AND r.year_group <= 11),
        count(*) FILTER (WHERE r.type BETWEEN 4 AND 6 AND r.year_group BETWEEN 12 AND 13),
        coalesce(sum(CAST(r.hours AS double precision)) FILTER (WHERE r.type BETWEEN 4 AND 6), 0),
        count(*) FILTER (WHERE r.type = 8),
        count(*) FILTER (WHERE r.type = 10 AND r.year_group <= 11),
        count(*) FILTER (WHERE r.type = 10 AND r.year_group BETWEEN 12 AND 13),
        max(r.academic_year),
        count(*) FILTER (WHERE r.type BETWEEN 0 AND 6 AND r.academic_year = m.latest_year),
        count(*) FILTER (WHERE r.type = 9 AND r.academic_year = m.latest_year),
        max(r.date),
        min(r.partner_id::text) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 1)::uuid,
        nullif(max(r.partner_id::text) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 1), min(r.partner_id::text) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 1))::uuid,
        min(r.partner_id::text) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 2)::uuid,
        nullif(max(r.partner_id::text) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 2), min(r.partner_id::text) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 2))::uuid,
        min(r.partner_id::text) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 3)::uuid,
        nullif(max(r.partner_id::text) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 3), min(r.partner_id::text) FILTER (WHERE r.type = 7 AND r.in_school_hours AND r.partner_id IS NOT NULL AND r.phase = 3))::uuid
    FROM (SELECT *, CASE WHEN year_group IN (8, 10, 12) THEN (year_group - 6) / 2 WHEN year_group IN (9, 11, 13) AND before_march THEN (year_group - 7) / 2 ELSE 0 END AS phase FROM {source} s) r
    JOIN (SELECT young_person_id, school_id, max(academic_year) AS latest_year FROM {source} s GROUP BY young_person_id, school_id) m
        ON m.young_person_id = r.young_person_id AND m.school_id = r.school_id
    GROUP BY r.young_person_id, r.school_id";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "careers_tallies",
                columns: table => new
                {
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activities = table.Column<int>(type: "integer", nullable: false),
                    employer_encounters = table.Column<int>(type: "integer", nullable: false),
                    workplace_to_year11 = table.Column<int>(type: "integer", nullable: false),
                    workplace_years12to13 = table.Column<int>(type: "integer", nullable: false),
                    workplace_hours = table.Column<double>(type: "double precision", nullable: false),
                    higher_education = table.Column<int>(type: "integer", nullable: false),
                    guidance_to_year11 = table.Column<int>(type: "integer", nullable: false),
                    guidance_years12to13 = table.Column<int>(type: "integer", nullable: false),
                    latest_year = table.Column<int>(type: "integer", nullable: false),
                    employer_encounters_in_latest_year = table.Column<int>(type: "integer", nullable: false),
                    lessons_in_latest_year = table.Column<int>(type: "integer", nullable: false),
                    latest_date = table.Column<DateOnly>(type: "date", nullable: false),
                    phase1provider = table.Column<Guid>(type: "uuid", nullable: true),
                    phase1other_provider = table.Column<Guid>(type: "uuid", nullable: true),
                    phase2provider = table.Column<Guid>(type: "uuid", nullable: true),
                    phase2other_provider = table.Column<Guid>(type: "uuid", nullable: true),
                    phase3provider = table.Column<Guid>(type: "uuid", nullable: true),
                    phase3other_provider = table.Column<Guid>(type: "uuid", nullable: true)
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
            // no write path (a register, an import, a COPY, a cascade) can leave them out of step with the rows. An
            // insert adds its counts (statement-level: one grouped upsert per statement, in pupil order so that two
            // statements sharing pupils lock their tallies in the same order; ON CONFLICT adds to the row another
            // transaction committed); a delete, or a change of a counted column, counts the pupils' tallies again from
            // the rows and replaces them (ADR 0007).
            migrationBuilder.Sql($@"CREATE FUNCTION careers_tallies_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO careers_tallies AS t ({Columns})
    SELECT * FROM ({TallyRows("added")}) x ORDER BY young_person_id, school_id
    ON CONFLICT (young_person_id, school_id) DO UPDATE SET
        activities = t.activities + excluded.activities,
        employer_encounters = t.employer_encounters + excluded.employer_encounters,
        workplace_to_year11 = t.workplace_to_year11 + excluded.workplace_to_year11,
        workplace_years12to13 = t.workplace_years12to13 + excluded.workplace_years12to13,
        workplace_hours = t.workplace_hours + excluded.workplace_hours,
        higher_education = t.higher_education + excluded.higher_education,
        guidance_to_year11 = t.guidance_to_year11 + excluded.guidance_to_year11,
        guidance_years12to13 = t.guidance_years12to13 + excluded.guidance_years12to13,
        employer_encounters_in_latest_year = CASE WHEN excluded.latest_year > t.latest_year THEN excluded.employer_encounters_in_latest_year WHEN excluded.latest_year = t.latest_year THEN t.employer_encounters_in_latest_year + excluded.employer_encounters_in_latest_year ELSE t.employer_encounters_in_latest_year END,
        lessons_in_latest_year = CASE WHEN excluded.latest_year > t.latest_year THEN excluded.lessons_in_latest_year WHEN excluded.latest_year = t.latest_year THEN t.lessons_in_latest_year + excluded.lessons_in_latest_year ELSE t.lessons_in_latest_year END,
        latest_year = greatest(t.latest_year, excluded.latest_year),
        latest_date = greatest(t.latest_date, excluded.latest_date),
        phase1provider = coalesce(t.phase1provider, excluded.phase1provider),
        phase1other_provider = coalesce(t.phase1other_provider, CASE WHEN t.phase1provider IS NULL THEN excluded.phase1other_provider WHEN excluded.phase1provider <> t.phase1provider THEN excluded.phase1provider ELSE excluded.phase1other_provider END),
        phase2provider = coalesce(t.phase2provider, excluded.phase2provider),
        phase2other_provider = coalesce(t.phase2other_provider, CASE WHEN t.phase2provider IS NULL THEN excluded.phase2other_provider WHEN excluded.phase2provider <> t.phase2provider THEN excluded.phase2provider ELSE excluded.phase2other_provider END),
        phase3provider = coalesce(t.phase3provider, excluded.phase3provider),
        phase3other_provider = coalesce(t.phase3other_provider, CASE WHEN t.phase3provider IS NULL THEN excluded.phase3other_provider WHEN excluded.phase3provider <> t.phase3provider THEN excluded.phase3provider ELSE excluded.phase3other_provider END);
    RETURN NULL;
END $$;");
            migrationBuilder.Sql($@"CREATE FUNCTION careers_tallies_recount_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM careers_tallies t USING (SELECT young_person_id, school_id FROM removed) k WHERE t.young_person_id = k.young_person_id AND t.school_id = k.school_id;
    INSERT INTO careers_tallies ({Columns})
    {TallyRows("(SELECT * FROM careers_participations WHERE (young_person_id, school_id) IN (SELECT young_person_id, school_id FROM removed))")}
    ON CONFLICT (young_person_id, school_id) DO UPDATE SET {Recounted};
    RETURN NULL;
END $$;");
            migrationBuilder.Sql($@"CREATE FUNCTION careers_tallies_recount_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM careers_tallies t USING (SELECT o.young_person_id, o.school_id FROM removed o JOIN added n ON n.id = o.id WHERE (o.young_person_id, o.school_id, o.type, o.date, o.academic_year, o.year_group, o.before_march, o.in_school_hours, o.partner_id, o.hours) IS DISTINCT FROM (n.young_person_id, n.school_id, n.type, n.date, n.academic_year, n.year_group, n.before_march, n.in_school_hours, n.partner_id, n.hours) UNION SELECT n.young_person_id, n.school_id FROM removed o JOIN added n ON n.id = o.id WHERE (o.young_person_id, o.school_id, o.type, o.date, o.academic_year, o.year_group, o.before_march, o.in_school_hours, o.partner_id, o.hours) IS DISTINCT FROM (n.young_person_id, n.school_id, n.type, n.date, n.academic_year, n.year_group, n.before_march, n.in_school_hours, n.partner_id, n.hours)) k WHERE t.young_person_id = k.young_person_id AND t.school_id = k.school_id;
    INSERT INTO careers_tallies ({Columns})
    {TallyRows("(SELECT * FROM careers_participations WHERE (young_person_id, school_id) IN (SELECT o.young_person_id, o.school_id FROM removed o JOIN added n ON n.id = o.id WHERE (o.young_person_id, o.school_id, o.type, o.date, o.academic_year, o.year_group, o.before_march, o.in_school_hours, o.partner_id, o.hours) IS DISTINCT FROM (n.young_person_id, n.school_id, n.type, n.date, n.academic_year, n.year_group, n.before_march, n.in_school_hours, n.partner_id, n.hours) UNION SELECT n.young_person_id, n.school_id FROM removed o JOIN added n ON n.id = o.id WHERE (o.young_person_id, o.school_id, o.type, o.date, o.academic_year, o.year_group, o.before_march, o.in_school_hours, o.partner_id, o.hours) IS DISTINCT FROM (n.young_person_id, n.school_id, n.type, n.date, n.academic_year, n.year_group, n.before_march, n.in_school_hours, n.partner_id, n.hours)))")}
    ON CONFLICT (young_person_id, school_id) DO UPDATE SET {Recounted};
    RETURN NULL;
END $$;");
            migrationBuilder.Sql(@"CREATE FUNCTION careers_tallies_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM careers_tallies;
    RETURN NULL;
END $$;");
            migrationBuilder.Sql("CREATE TRIGGER careers_tallies_on_insert AFTER INSERT ON careers_participations REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION careers_tallies_add();");
            migrationBuilder.Sql("CREATE TRIGGER careers_tallies_on_delete AFTER DELETE ON careers_participations REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION careers_tallies_recount_removed();");
            migrationBuilder.Sql("CREATE TRIGGER careers_tallies_on_update AFTER UPDATE ON careers_participations REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION careers_tallies_recount_changed();");
            migrationBuilder.Sql("CREATE TRIGGER careers_tallies_on_truncate AFTER TRUNCATE ON careers_participations FOR EACH STATEMENT EXECUTE FUNCTION careers_tallies_clear();");

            // The participations recorded before this migration.
            migrationBuilder.Sql($"INSERT INTO careers_tallies ({Columns}) {TallyRows("careers_participations")};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS careers_tallies_on_truncate ON careers_participations;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS careers_tallies_on_update ON careers_participations;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS careers_tallies_on_delete ON careers_participations;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS careers_tallies_on_insert ON careers_participations;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS careers_tallies_clear();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS careers_tallies_recount_changed();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS careers_tallies_recount_removed();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS careers_tallies_add();");
            migrationBuilder.DropTable(
                name: "careers_tallies");
        }
    }
}
