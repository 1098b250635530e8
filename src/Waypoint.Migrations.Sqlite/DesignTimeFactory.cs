using Microsoft.EntityFrameworkCore.Design;
using Waypoint.Core.Data;

namespace Waypoint.Migrations.Sqlite;

public class DesignTimeFactory : IDesignTimeDbContextFactory<WaypointDbContext>
{
    public WaypointDbContext CreateDbContext(string[] args) =>
        new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db").CreateContext();
}
