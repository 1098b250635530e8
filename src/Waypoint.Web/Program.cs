var builder = WebApplication.CreateBuilder(args);
builder.AddWaypointWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseWaypointPipeline();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
