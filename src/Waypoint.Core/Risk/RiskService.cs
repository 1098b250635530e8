using System.Text;
using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Audit;
using Waypoint.Core.Data;
using Waypoint.Core.Imports;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Risk;

/// <summary>One pupil's indicator row as scoring reads it.</summary>
public readonly record struct RiskPupilRow(Guid YoungPersonId, Guid? SchoolId, DateOnly DateOfBirth, RiskInputs Inputs);

/// <summary>One pupil's computed score, with the texts that are saved, before it is saved.</summary>
public sealed record ComputedRisk(RiskPupilRow Pupil, int Points, RiskBand Band, string Reasons, double? ModelProbability, string? ModelFactors);

public sealed record RiskListRow(Guid YoungPersonId, string Name, int YearGroup, string? School, int Points, RiskBand Band, int? PreviousPoints,
    double? ModelProbability, string Reasons, bool AddedByPerson, bool HasSupport);

public sealed record RemovedRow(Guid YoungPersonId, string Name, int Points, string Reason, string DecidedBy, DateTime DecidedAt);

public sealed record RiskList(IReadOnlyList<RiskListRow> OnList, IReadOnlyList<RemovedRow> Removed, DateOnly TermStart, int ListFrom);

public sealed record RiskRecord(YoungPerson Person, RiskScore? Score, IReadOnlyList<RiskListDecision> Decisions, IReadOnlyList<RiskSupport> Supports, bool OnList, int ListFrom);

public sealed record CoverageRow(Guid? SchoolId, string School, int AtRisk, int WithPlan)
{
    public double Share => AtRisk == 0 ? 0 : WithPlan / (double)AtRisk;
}

public sealed record RiskListDecisionOptions(Guid YoungPersonId, RiskListDecisionKind Kind, string Reason);

public sealed record AssignRiskSupportOptions(Guid YoungPersonId, RiskSupportKind Kind, Guid? AdviserUserId, string Detail);

public sealed record RecomputeResult(string LaCode, DateOnly TermStart, int Scored, int WithModel, int? IndicatorSetVersion);

/// <summary>Raised for a request the user can correct, naming the field.</summary>
public sealed class RiskInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Risk of NEET: scores Years 7 to 11 against the LA's current indicator set and model, keeps the people-in-the-loop
/// list decisions and support, and runs the back-test. Every read of a pupil goes through <see cref="YoungPersonAccess"/>
/// and every change stages its audit event in the same save.
/// </summary>
public class RiskService(WaypointDbContext db, YoungPersonAccess access, AuditTrail audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Terms start on 1 September, 1 January and 1 April; a score is kept per term so the trend can be shown.</summary>
    public static DateOnly TermStart(DateOnly day) => day.Month switch
    {
        >= 9 => new DateOnly(day.Year, 9, 1),
        <= 3 => new DateOnly(day.Year, 1, 1),
        _ => new DateOnly(day.Year, 4, 1),
    };

    public async Task<RiskIndicatorSet> CurrentIndicatorSetAsync(string laCode, CancellationToken cancellationToken = default)
    {
        var current = await db.RiskIndicatorSets.Where(s => s.LaCode == laCode).OrderByDescending(s => s.Version).FirstOrDefaultAsync(cancellationToken);
        if (current is not null)
        {
            return current;
        }

        current = new RiskIndicatorSet
        {
            LaCode = laCode,
            Version = 1,
            Name = "Oxfordshire-style default",
            DefinitionJson = IndicatorSetDefinition.OxfordshireDefault.ToJson(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByName = "Waypoint",
        };
        db.RiskIndicatorSets.Add(current);
        audit.Add(Actor.System("risk of NEET"), AuditActions.RiskIndicatorSetSaved, entityType: "RiskIndicatorSet", entityId: current.Id.ToString(),
            details: new { laCode, version = 1, name = current.Name });
        await db.SaveChangesAsync(cancellationToken);
        return current;
    }

    public async Task<RiskIndicatorSet> SaveIndicatorSetAsync(Actor actor, string name, IndicatorSetDefinition definition, CancellationToken cancellationToken = default)
    {
        RequireLaDataTeam(actor);
        var problems = definition.Problems();
        if (problems.Count > 0)
        {
            throw new RiskInputException("Definition", problems[0]);
        }

        var current = await CurrentIndicatorSetAsync(actor.LaCode!, cancellationToken);
        var next = new RiskIndicatorSet
        {
            LaCode = actor.LaCode!,
            Version = current.Version + 1,
            Name = string.IsNullOrWhiteSpace(name) ? $"Version {current.Version + 1}" : name.Trim(),
            DefinitionJson = definition.ToJson(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedByUserId = actor.UserId,
            CreatedByName = actor.Name,
        };
        db.RiskIndicatorSets.Add(next);
        audit.Add(actor, AuditActions.RiskIndicatorSetSaved, entityType: "RiskIndicatorSet", entityId: next.Id.ToString(),
            details: new { laCode = next.LaCode, version = next.Version, name = next.Name, definition = next.DefinitionJson });
        await db.SaveChangesAsync(cancellationToken);
        return next;
    }

    /// <summary>The indicator rows of the LA's Years 7 to 11: the read both scoring and the benchmark's bare pass make.</summary>
    public async Task<List<RiskPupilRow>> ReadInputsAsync(string laCode, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var earliest = AcademicAge.DateOfBirthRange(11, today).Earliest;
        var latest = AcademicAge.DateOfBirthRange(7, today).Latest;
        var pupils = db.YoungPeople.AsNoTracking()
            .Where(p => p.LeadLaCode == laCode && p.CohortStatus == CohortStatus.P && p.DateOfBirth >= earliest && p.DateOfBirth <= latest);
        var codes = RiskInputs.CharacteristicCodes;
        var characteristics = await db.Characteristics.AsNoTracking()
            .Where(c => codes.Contains(c.Code) && c.StartDate <= today && (c.EndDate == null || c.EndDate >= today))
            .Join(pupils, c => c.YoungPersonId, p => p.Id, (c, p) => new { c.YoungPersonId, c.Code })
            .ToListAsync(cancellationToken);
        var byPerson = characteristics.GroupBy(c => c.YoungPersonId).ToDictionary(g => g.Key, g => g.Select(c => c.Code).ToList());
        var rows = await pupils
            .Select(p => new
            {
                p.Id,
                p.SchoolId,
                p.DateOfBirth,
                p.HasSenSupport,
                p.HasEhcPlan,
                HasCensus = p.Census != null,
                Attendance = (decimal?)p.Census!.AttendancePercent,
                Suspensions = (int?)p.Census!.Suspensions,
                Permanent = (int?)p.Census!.PermanentExclusions,
                Fsm = (bool?)p.Census!.FreeSchoolMeals,
                Eal = (bool?)p.Census!.EnglishAdditionalLanguage,
                Cin = (bool?)p.Census!.ChildInNeed,
                Carer = (bool?)p.Census!.YoungCarer,
                Moves = (int?)p.Census!.SchoolMoves,
                Ks2 = p.Census!.Ks2ScaledScore,
            })
            .ToListAsync(cancellationToken);
        var result = new List<RiskPupilRow>(rows.Count);
        List<string> none = [];
        foreach (var r in rows)
        {
            var held = byPerson.GetValueOrDefault(r.Id) ?? none;
            var inputs = new RiskInputs(
                r.Attendance ?? 100m,
                r.Suspensions ?? 0,
                r.Permanent ?? 0,
                r.Fsm ?? false,
                r.HasSenSupport,
                r.HasEhcPlan,
                r.Eal ?? false,
                held.Contains("110"),
                r.Cin ?? false,
                (r.Carer ?? false) || held.Contains("140"),
                held.Contains("120") || held.Contains("180") || held.Contains("190"),
                held.Contains("170"),
                held.Contains("200"),
                r.Moves ?? 0,
                r.HasCensus ? r.Ks2 : null);
            result.Add(new RiskPupilRow(r.Id, r.SchoolId, r.DateOfBirth, inputs));
        }

        return result;
    }

    public async Task<RiskModel?> CurrentModelAsync(string laCode, CancellationToken cancellationToken = default)
    {
        var json = await db.RiskModels.Where(m => m.LaCode == laCode).OrderByDescending(m => m.Version).Select(m => m.ModelJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : RiskModel.FromJson(json);
    }

    /// <summary>Scores every row with points, reason text and (if trained) the model's probability and explanation, without saving.</summary>
    public static List<ComputedRisk> Score(IReadOnlyList<RiskPupilRow> rows, PointsScorer scorer, RiskModel? model)
    {
        var result = new List<ComputedRisk>(rows.Count);
        var text = new StringBuilder(256);
        var definition = scorer.Definition;
        foreach (var row in rows)
        {
            text.Clear();
            var points = scorer.WriteReasons(row.Inputs, text);
            var reasons = text.ToString();
            double? probability = null;
            string? factors = null;
            if (model is not null)
            {
                text.Clear();
                probability = model.WriteExplanation(row.Inputs, text);
                factors = text.ToString();
            }

            result.Add(new ComputedRisk(row, points, definition.BandFor(points), reasons, probability, factors));
        }

        return result;
    }

    /// <summary>Scores the LA's Years 7 to 11 and saves this term's scores, keeping earlier terms for the trend.</summary>
    public async Task<RecomputeResult> RecomputeAsync(Actor actor, string laCode, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSystem && !(actor.Role?.IsLaWide() == true && actor.LaCode == laCode))
        {
            throw new UnauthorizedAccessException("Only the LA's own staff or the system may recompute risk scores.");
        }

        var set = await CurrentIndicatorSetAsync(laCode, cancellationToken);
        var modelRecord = await db.RiskModels.AsNoTracking().Where(m => m.LaCode == laCode).OrderByDescending(m => m.Version).FirstOrDefaultAsync(cancellationToken);
        var model = modelRecord is null ? null : RiskModel.FromJson(modelRecord.ModelJson);
        var rows = await ReadInputsAsync(laCode, cancellationToken);
        var computed = Score(rows, new PointsScorer(set.Definition), model);

        var today = Today;
        var term = TermStart(today);
        var existing = await db.RiskScores.Where(s => s.LaCode == laCode && s.TermStart == term).ToDictionaryAsync(s => s.YoungPersonId, cancellationToken);
        var previous = new Dictionary<Guid, int>();
        foreach (var p in await db.RiskScores.AsNoTracking().Where(s => s.LaCode == laCode && s.TermStart < term)
            .OrderBy(s => s.TermStart).Select(s => new { s.YoungPersonId, s.Points }).ToListAsync(cancellationToken))
        {
            previous[p.YoungPersonId] = p.Points;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var c in computed)
        {
            if (!existing.TryGetValue(c.Pupil.YoungPersonId, out var score))
            {
                score = new RiskScore { YoungPersonId = c.Pupil.YoungPersonId, LaCode = laCode, TermStart = term, Reasons = "" };
                db.RiskScores.Add(score);
            }

            score.SchoolId = c.Pupil.SchoolId;
            score.YearGroup = AcademicAge.YearGroup(c.Pupil.DateOfBirth, today);
            score.IndicatorSetId = set.Id;
            score.IndicatorSetVersion = set.Version;
            score.Points = c.Points;
            score.Band = c.Band;
            score.Reasons = c.Reasons;
            score.PreviousPoints = previous.TryGetValue(c.Pupil.YoungPersonId, out var before) ? before : null;
            score.ModelProbability = c.ModelProbability;
            score.ModelVersion = modelRecord?.Version;
            score.ModelFactors = c.ModelFactors;
            score.ComputedAt = now;
        }

        audit.Add(actor, AuditActions.RiskScoresComputed, entityType: "RiskScore", entityId: laCode,
            details: new { laCode, term, pupils = computed.Count, indicatorSetVersion = set.Version, modelVersion = modelRecord?.Version });

        // An LA's scores are tens of thousands of rows: on PostgreSQL they go in by binary COPY and one set-based UPDATE
        // (PostgresBulkSave, which needs a transaction) rather than one statement per row.
        await using (var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null)
        {
            await db.SaveChangesInBulkAsync(cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return new RecomputeResult(laCode, term, computed.Count, model is null ? 0 : computed.Count, set.Version);
    }

    /// <summary>
    /// Recomputes each LA whose scores are missing this term, older than its latest committed import (new data arrived),
    /// or older than <paramref name="maxAge"/> (the schedule).
    /// </summary>
    public async Task<IReadOnlyList<RecomputeResult>> RecomputeDueAsync(Actor actor, TimeSpan maxAge, CancellationToken cancellationToken = default)
    {
        var term = TermStart(Today);
        var now = clock.GetUtcNow().UtcDateTime;
        var las = await db.Organisations.Where(o => o.Kind == Organisations.OrganisationKind.LocalAuthority).Select(o => o.LaCode).Distinct().ToListAsync(cancellationToken);
        var results = new List<RecomputeResult>();
        foreach (var la in las)
        {
            var last = await db.RiskScores.Where(s => s.LaCode == la && s.TermStart == term).MaxAsync(s => (DateTime?)s.ComputedAt, cancellationToken);
            var lastImport = await db.DataImports.Where(i => i.LaCode == la && i.Status == DataImportStatus.Committed).MaxAsync(i => (DateTime?)i.CreatedAt, cancellationToken);
            if (last is null || now - last > maxAge || lastImport > last)
            {
                results.Add(await RecomputeAsync(actor, la, cancellationToken));
            }
        }

        return results;
    }

    public async Task<RiskModelRecord> TrainModelAsync(Actor actor, string laCode, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSystem)
        {
            RequireLaDataTeam(actor);
        }

        var history = await db.RiskHistory.AsNoTracking().Where(h => h.LaCode == laCode).ToListAsync(cancellationToken);
        if (history.Count == 0)
        {
            throw new RiskInputException("Cohort", "There are no past cohorts with outcomes to train on");
        }

        var model = RiskBackTester.TrainModel(history);
        var version = (await db.RiskModels.Where(m => m.LaCode == laCode).MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0) + 1;
        var cohorts = history.Select(h => h.CohortYear).Distinct().Order().ToList();
        var record = new RiskModelRecord
        {
            LaCode = laCode,
            Version = version,
            TrainedOnCohorts = string.Join(",", cohorts),
            TrainingPupils = history.Count,
            ModelJson = model.ToJson(),
            TrainedAt = clock.GetUtcNow().UtcDateTime,
            TrainedByName = actor.Name,
        };
        db.RiskModels.Add(record);
        audit.Add(actor, AuditActions.RiskModelTrained, entityType: "RiskModel", entityId: record.Id.ToString(),
            details: new { laCode, version, cohorts, pupils = history.Count });
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Five past cohorts with outcomes (the latest left Year 11 last summer), a model trained on them and this term's scores.</summary>
    public async Task SeedDemoAsync(Actor actor, string laCode, int seed, CancellationToken cancellationToken = default)
    {
        var lastCohort = AcademicAge.AcademicYearStart(Today);
        db.RiskHistory.AddRange(Demo.RiskHistoryGenerator.Generate(laCode, lastCohort - 4, 5, 2000, seed));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await TrainModelAsync(actor, laCode, cancellationToken);
        await RecomputeAsync(actor, laCode, cancellationToken);
    }

    public async Task<IReadOnlyList<int>> HistoryCohortsAsync(string laCode, CancellationToken cancellationToken = default) =>
        await db.RiskHistory.Where(h => h.LaCode == laCode).Select(h => h.CohortYear).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);

    /// <summary>Holds out <paramref name="cohort"/>, trains on the cohorts before it, and measures both scores. Audited: it reads past pupils' data.</summary>
    public async Task<BackTestReport> BackTestAsync(Actor actor, string laCode, int cohort, CancellationToken cancellationToken = default)
    {
        if (!actor.IsSystem && !(actor.Role?.IsLaWide() == true && actor.LaCode == laCode))
        {
            throw new UnauthorizedAccessException("Only the LA's own staff may run the back-test.");
        }

        var history = await db.RiskHistory.AsNoTracking().Where(h => h.LaCode == laCode && h.CohortYear <= cohort).ToListAsync(cancellationToken);
        if (!history.Any(h => h.CohortYear == cohort))
        {
            throw new RiskInputException("Cohort", $"There is no past cohort {cohort} with outcomes");
        }

        if (!history.Any(h => h.CohortYear < cohort))
        {
            throw new RiskInputException("Cohort", $"There is no cohort before {cohort} to train on");
        }

        var set = await CurrentIndicatorSetAsync(laCode, cancellationToken);
        var report = RiskBackTester.Run(laCode, history, cohort, set.Definition, set.Version);
        await audit.RecordAsync(actor, AuditActions.RiskBackTestRun, entityType: "RiskHistory", entityId: $"{laCode}/{cohort}",
            details: new { laCode, cohort, pupils = report.Pupils, pointsAuc = Math.Round(report.Points.Auc, 3), modelAuc = Math.Round(report.Model.Auc, 3) },
            cancellationToken: cancellationToken);
        return report;
    }

    /// <summary>The at-risk list the actor may see: this term's pupils at or above the list threshold or added by a person, less those a person removed.</summary>
    public async Task<RiskList> ListAsync(Actor actor, Guid? schoolId = null, CancellationToken cancellationToken = default)
    {
        var laCode = actor.LaCode ?? "";
        var set = await CurrentIndicatorSetAsync(laCode, cancellationToken);
        var listFrom = set.Definition.ListFrom;
        var term = TermStart(Today);
        var visible = access.VisibleTo(actor);
        if (schoolId is { } school)
        {
            visible = visible.Where(p => p.SchoolId == school);
        }

        var latestDecisions = db.RiskListDecisions.Where(d => !db.RiskListDecisions.Any(n => n.YoungPersonId == d.YoungPersonId && n.DecidedAt > d.DecidedAt));
        var rows = await (
            from s in db.RiskScores.Where(s => s.TermStart == term)
            join p in visible on s.YoungPersonId equals p.Id
            let decision = latestDecisions.Where(d => d.YoungPersonId == p.Id).Select(d => new { d.Kind, d.Reason, d.DecidedByName, d.DecidedAt }).FirstOrDefault()
            where s.Points >= listFrom || decision != null
            select new
            {
                p.Id,
                Name = (p.PreferredGivenName ?? p.GivenName) + " " + (p.PreferredFamilyName ?? p.FamilyName),
                s.YearGroup,
                School = p.School!.Name,
                s.Points,
                s.Band,
                s.PreviousPoints,
                s.ModelProbability,
                s.Reasons,
                Decision = decision,
                HasSupport = db.RiskSupports.Any(r => r.YoungPersonId == p.Id),
            }).AsNoTracking().ToListAsync(cancellationToken);

        var onList = rows.Where(r => r.Decision?.Kind != RiskListDecisionKind.Removed)
            .Select(r => new RiskListRow(r.Id, r.Name, r.YearGroup, r.School, r.Points, r.Band, r.PreviousPoints, r.ModelProbability, r.Reasons,
                r.Decision?.Kind == RiskListDecisionKind.Added, r.HasSupport))
            .OrderByDescending(r => r.Points).ThenByDescending(r => r.ModelProbability).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var removed = rows.Where(r => r.Decision?.Kind == RiskListDecisionKind.Removed)
            .Select(r => new RemovedRow(r.Id, r.Name, r.Points, r.Decision!.Reason, r.Decision.DecidedByName, r.Decision.DecidedAt))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        await audit.RecordAsync(actor, AuditActions.RiskListViewed, entityType: "RiskList", entityId: schoolId?.ToString() ?? laCode,
            details: new { term, onList = onList.Count, removed = removed.Count }, cancellationToken: cancellationToken);
        return new RiskList(onList, removed, term, listFrom);
    }

    public async Task<RiskRecord?> OpenAsync(Actor actor, Guid youngPersonId, CancellationToken cancellationToken = default)
    {
        var opened = await access.OpenAsync(actor, youngPersonId, "risk of NEET", q => q.Include(p => p.School), cancellationToken);
        if (opened.Value is not { } person)
        {
            return null;
        }

        var term = TermStart(Today);
        var score = await db.RiskScores.AsNoTracking().Where(s => s.YoungPersonId == person.Id && s.TermStart <= term)
            .OrderByDescending(s => s.TermStart).FirstOrDefaultAsync(cancellationToken);
        var decisions = await db.RiskListDecisions.AsNoTracking().Where(d => d.YoungPersonId == person.Id).OrderByDescending(d => d.DecidedAt).ToListAsync(cancellationToken);
        var supports = await db.RiskSupports.AsNoTracking().Where(s => s.YoungPersonId == person.Id).OrderByDescending(s => s.AssignedAt).ToListAsync(cancellationToken);
        var set = await CurrentIndicatorSetAsync(person.LeadLaCode, cancellationToken);
        var latest = decisions.FirstOrDefault();
        var onList = latest?.Kind switch
        {
            RiskListDecisionKind.Removed => false,
            RiskListDecisionKind.Added => true,
            _ => score is not null && score.TermStart == term && score.Points >= set.Definition.ListFrom,
        };
        return new RiskRecord(person, score, decisions, supports, onList, set.Definition.ListFrom);
    }

    public async Task DecideAsync(Actor actor, RiskListDecisionOptions options, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(options.Reason))
        {
            throw new RiskInputException("Reason", options.Kind == RiskListDecisionKind.Removed
                ? "Enter why this young person should come off the at-risk list"
                : "Enter why this young person should be on the at-risk list");
        }

        var person = await LoadForChangeAsync(actor, options.YoungPersonId, cancellationToken);
        var decision = new RiskListDecision
        {
            YoungPersonId = person.Id,
            Kind = options.Kind,
            Reason = options.Reason.Trim(),
            DecidedByUserId = actor.UserId,
            DecidedByName = actor.Name,
            DecidedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RiskListDecisions.Add(decision);
        audit.Add(actor, options.Kind == RiskListDecisionKind.Removed ? AuditActions.RiskListRemoved : AuditActions.RiskListAdded,
            entityType: "YoungPerson", entityId: person.Id.ToString(), youngPersonId: person.Id, reason: decision.Reason);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> AdvisersForAsync(string laCode, CancellationToken cancellationToken = default) =>
        (await db.Users.Where(u => u.Role == WaypointRole.PersonalAdviser && u.Organisation!.LaCode == laCode)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
        .Select(u => (u.Id, u.DisplayName)).ToList();

    public async Task<RiskSupport> AssignSupportAsync(Actor actor, AssignRiskSupportOptions options, CancellationToken cancellationToken = default)
    {
        var person = await LoadForChangeAsync(actor, options.YoungPersonId, cancellationToken);
        string? adviserName = null;
        if (options.Kind == RiskSupportKind.Adviser)
        {
            if (options.AdviserUserId is not { } adviserId)
            {
                throw new RiskInputException("AdviserUserId", "Choose the adviser");
            }

            adviserName = (await AdvisersForAsync(person.LeadLaCode, cancellationToken)).Where(a => a.Id == adviserId).Select(a => a.Name).FirstOrDefault()
                ?? throw new RiskInputException("AdviserUserId", "Choose a personal adviser of this young person's local authority");
        }
        else if (string.IsNullOrWhiteSpace(options.Detail))
        {
            throw new RiskInputException("Detail", options.Kind == RiskSupportKind.Mentoring ? "Describe the mentoring" : "Describe the planned intervention");
        }

        var support = new RiskSupport
        {
            YoungPersonId = person.Id,
            Kind = options.Kind,
            AdviserUserId = options.Kind == RiskSupportKind.Adviser ? options.AdviserUserId : null,
            AdviserName = adviserName,
            Detail = options.Detail?.Trim() ?? "",
            AssignedByUserId = actor.UserId,
            AssignedByName = actor.Name,
            AssignedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.RiskSupports.Add(support);
        audit.Add(actor, AuditActions.RiskSupportAssigned, entityType: "RiskSupport", entityId: support.Id.ToString(), youngPersonId: person.Id,
            details: new { kind = support.Kind.ToString(), adviser = adviserName, detail = support.Detail });
        await db.SaveChangesAsync(cancellationToken);
        return support;
    }

    public async Task RecordOutcomeAsync(Actor actor, Guid youngPersonId, Guid supportId, string outcome, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(outcome))
        {
            throw new RiskInputException("Outcome", "Enter what came of the support");
        }

        var person = await LoadForChangeAsync(actor, youngPersonId, cancellationToken);
        var support = await db.RiskSupports.SingleOrDefaultAsync(s => s.Id == supportId && s.YoungPersonId == person.Id, cancellationToken)
            ?? throw new Tracking.RecordNotFoundException(youngPersonId);
        var old = support.Outcome;
        support.Outcome = outcome.Trim();
        support.OutcomeRecordedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(actor, AuditActions.RiskSupportOutcomeRecorded, entityType: "RiskSupport", entityId: support.Id.ToString(), youngPersonId: person.Id,
            details: new { changes = new[] { new FieldChange("Outcome", old, support.Outcome) } });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>How many of each school's at-risk pupils have support planned. LA-wide staff only.</summary>
    public async Task<IReadOnlyList<CoverageRow>> CoverageAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.Role?.IsLaWide() != true)
        {
            throw new UnauthorizedAccessException("Coverage is for the LA's staff.");
        }

        var list = await ListAsync(actor, null, cancellationToken);
        var schools = await db.Organisations.Where(o => o.LaCode == actor.LaCode).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var bySchool = await access.VisibleTo(actor).Where(p => list.OnList.Select(r => r.YoungPersonId).Contains(p.Id))
            .Select(p => new { p.Id, p.SchoolId }).ToDictionaryAsync(p => p.Id, p => p.SchoolId, cancellationToken);
        return list.OnList.GroupBy(r => bySchool.GetValueOrDefault(r.YoungPersonId))
            .Select(g => new CoverageRow(g.Key, g.Key is { } id && schools.TryGetValue(id, out var name) ? name : "No school recorded", g.Count(), g.Count(r => r.HasSupport)))
            .OrderBy(r => r.School, StringComparer.Ordinal).ToList();
    }

    private async Task<YoungPerson> LoadForChangeAsync(Actor actor, Guid youngPersonId, CancellationToken cancellationToken)
    {
        if (actor.Role is not { } role || !(role.IsLaWide() || role is WaypointRole.CareersLeader or WaypointRole.SchoolStaff))
        {
            throw new Tracking.RecordNotFoundException(youngPersonId);
        }

        return await access.VisibleTo(actor).SingleOrDefaultAsync(p => p.Id == youngPersonId, cancellationToken) ?? throw new Tracking.RecordNotFoundException(youngPersonId);
    }

    private static void RequireLaDataTeam(Actor actor)
    {
        if (actor.Role?.IsDataTeam() != true || actor.LaCode is null)
        {
            throw new UnauthorizedAccessException("Only the LA's data team may change indicator sets or train the model.");
        }
    }
}
