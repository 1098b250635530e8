using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Nccis;

/// <summary>A young person's cohort status as it stood at a past date, worked out from the status changes.</summary>
public static class CohortStatusHistory
{
    /// <summary>
    /// Cohort status at a date, when it last changed on or before it, and the LA a transfer on or before it went to.
    /// A change after the date tells what the status was before it; a status changed after the date with no change
    /// history was, until then, the active cohort (P).
    /// </summary>
    public static (CohortStatus Status, DateOnly? ChangedOn, string? TransferredTo) At(
        CohortStatus current, DateOnly? currentChangedOn, string? currentTransferredTo, IEnumerable<CohortStatusChange> history, DateOnly date)
    {
        var changes = history.OrderBy(c => c.EffectiveOn).ThenBy(c => c.RecordedAt).ToList();
        var earlier = changes.LastOrDefault(c => c.EffectiveOn <= date);
        var later = changes.FirstOrDefault(c => c.EffectiveOn > date);
        if (later is not null)
        {
            return (later.From, earlier?.EffectiveOn, earlier?.TransferredToLaCode);
        }

        if (currentChangedOn > date)
        {
            return (CohortStatus.P, earlier?.EffectiveOn, null);
        }

        return (current, currentChangedOn ?? earlier?.EffectiveOn, currentTransferredTo);
    }

    public static (CohortStatus Status, DateOnly? ChangedOn) At(YoungPerson person, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(person);
        var (status, changedOn, _) = At(person.CohortStatus, person.CohortStatusChangedOn, person.TransferredToLaCode, person.CohortStatusChanges, date);
        return (status, changedOn);
    }

    /// <summary>Whether a status at a period end puts the record in that month's return (nccis.md section 6).</summary>
    public static bool InReturn(CohortStatus status, DateOnly? changedOn, DateOnly periodEnd) =>
        status is CohortStatus.P or CohortStatus.G
        || (changedOn is { } on && on.Year == periodEnd.Year && on.Month == periodEnd.Month && on <= periodEnd);
}
