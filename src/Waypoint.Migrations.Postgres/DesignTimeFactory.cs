using Microsoft.EntityFrameworkCore.Design;
using Waypoint.Core.Data;

namespace Waypoint.Migrations.Postgres;

public class DesignTimeFactory : IDesignTimeDbContextFactory<WaypointDbContext>
{
    public WaypointDbContext CreateDbContext(string[] args) =>
        new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=waypoint_design;Username=postgres").CreateContext();
}
