using Microsoft.Extensions.Time.Testing;

namespace Waypoint.TestCommon;

public static class TestClock
{
    /// <summary>A fixed, ordinary school day: Monday 23 November 2026, 10:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Now);
}
