using Microsoft.Extensions.Configuration;
using Waypoint.Core.Data;

namespace Waypoint.Core.Imports;

/// <summary>
/// Where an uploaded file waits between its preview and the user's decision to save it. Files are named by a random id
/// and removed when committed or after <see cref="KeepHours"/> hours, so an abandoned upload does not linger.
/// </summary>
public sealed class PendingImports(string directory)
{
    public const int KeepHours = 24;

    public string Directory { get; } = directory;

    public static PendingImports FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = configuration["Imports:PendingDirectory"];
        return new PendingImports(string.IsNullOrWhiteSpace(directory) ? Path.Combine(DatabaseSettings.DataDirectory(configuration), "imports-pending") : directory);
    }

    public string PathFor(Guid id) => Path.Combine(Directory, $"{id:N}.upload");

    /// <summary>Copies an upload into the pending folder, clearing out old ones first.</summary>
    public async Task<Guid> SaveAsync(Stream upload, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var old in new DirectoryInfo(Directory).EnumerateFiles("*.upload").Where(f => f.LastWriteTimeUtc < DateTime.UtcNow.AddHours(-KeepHours)))
        {
            old.Delete();
        }

        var id = Guid.NewGuid();
        await using var file = new FileStream(PathFor(id), FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        await upload.CopyToAsync(file, ct);
        return id;
    }

    public Stream Open(Guid id) => new FileStream(PathFor(id), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);

    public bool Exists(Guid id) => File.Exists(PathFor(id));

    public void Delete(Guid id) => File.Delete(PathFor(id));
}
