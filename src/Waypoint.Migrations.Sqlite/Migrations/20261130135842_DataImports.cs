using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waypoint.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DataImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_young_person_id",
                table: "young_people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    file_sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    rows_read = table.Column<int>(type: "INTEGER", nullable: false),
                    created = table.Column<int>(type: "INTEGER", nullable: false),
                    updated = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    review = table.Column<int>(type: "INTEGER", nullable: false),
                    rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    rejected_json = table.Column<string>(type: "TEXT", nullable: true),
                    reverted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reverted_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_data_imports_user",
                        column: x => x.created_by_user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "data_import_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    import_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    young_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    before_json = table.Column<string>(type: "TEXT", nullable: true),
                    after_json = table.Column<string>(type: "TEXT", nullable: false),
                    added_json = table.Column<string>(type: "TEXT", nullable: false),
                    census_before_json = table.Column<string>(type: "TEXT", nullable: true),
                    had_census = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_import_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_data_import_changes_import",
                        column: x => x.import_id,
                        principalTable: "data_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "match_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    import_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    row = table.Column<int>(type: "INTEGER", nullable: false),
                    incoming_json = table.Column<string>(type: "TEXT", nullable: false),
                    candidate_young_person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    runner_up_young_person_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    resolved_by_user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    resolved_young_person_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_match_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_match_reviews_candidate",
                        column: x => x.candidate_young_person_id,
                        principalTable: "young_people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_match_reviews_import",
                        column: x => x.import_id,
                        principalTable: "data_imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_data_import_changes_import",
                table: "data_import_changes",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_import_changes_young_person",
                table: "data_import_changes",
                column: "young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_imports_created_by_user_id",
                table: "data_imports",
                column: "created_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_imports_la_created",
                table: "data_imports",
                columns: new[] { "la_code", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_data_imports_sha256",
                table: "data_imports",
                column: "file_sha256");

            migrationBuilder.CreateIndex(
                name: "ix_match_reviews_candidate_young_person_id",
                table: "match_reviews",
                column: "candidate_young_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_reviews_import_id",
                table: "match_reviews",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_match_reviews_la_status",
                table: "match_reviews",
                columns: new[] { "la_code", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_import_changes");

            migrationBuilder.DropTable(
                name: "match_reviews");

            migrationBuilder.DropTable(
                name: "data_imports");

            migrationBuilder.DropColumn(
                name: "merged_into_young_person_id",
                table: "young_people");
        }
    }
}
