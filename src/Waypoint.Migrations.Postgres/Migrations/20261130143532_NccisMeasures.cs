using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Waypoint.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NccisMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "nccis_snapshots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    la_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    period_end = table.Column<DateOnly>(type: "date", nullable: false),
                    taken_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    taken_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    row_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nccis_snapshots", x => x.id);
                    table.ForeignKey(
                        name: "fk_nccis_snapshots_user",
                        column: x => x.taken_by_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "nccis_snapshot_rows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    snapshot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    young_person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    academic_age = table.Column<int>(type: "integer", nullable: false),
                    cohort_status = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    activity_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    activity_start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    due_to_lapse_date = table.Column<DateOnly>(type: "date", nullable: true),
                    currency_lapsed = table.Column<bool>(type: "boolean", nullable: false),
                    has_ehc_plan = table.Column<bool>(type: "boolean", nullable: false),
                    has_sen_support = table.Column<bool>(type: "boolean", nullable: false),
                    gender = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    ethnicity_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    characteristic_codes = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    school_id = table.Column<Guid>(type: "uuid", nullable: true),
                    postcode_district = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    guarantee_year11_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    guarantee_year12_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nccis_snapshot_rows", x => x.id);
                    table.ForeignKey(
                        name: "fk_nccis_snapshot_rows_snapshot",
                        column: x => x.snapshot_id,
                        principalTable: "nccis_snapshots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_nccis_snapshot_rows_person",
                table: "nccis_snapshot_rows",
                columns: new[] { "snapshot_id", "young_person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_nccis_snapshots_taken_by_user_id",
                table: "nccis_snapshots",
                column: "taken_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ux_nccis_snapshots_la_period",
                table: "nccis_snapshots",
                columns: new[] { "la_code", "period_end" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "nccis_snapshot_rows");

            migrationBuilder.DropTable(
                name: "nccis_snapshots");
        }
    }
}
