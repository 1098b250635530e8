-- The least the database must do to commit the import-roll benchmark's roll, with nothing else in the way: every write
-- the import makes, as one set-based statement each, from temporary tables already holding the final values (so no
-- parsing, matching, reading or change detection is counted). The counts are those the benchmark's import reports
-- (2026-12-01): 27,864 people created, 40,347 people whose own row changes (a new current activity, an address or a
-- name), 66,197 activities added, 32,328 verified, 27,864 census rows added and 35,000 changed, 98,525 audit events and
-- 98,525 change-log rows of the sizes the import writes. Everything is rolled back.
--
-- Run it against a copy of the benchmark's seeded template (PostgreSQL, 100,000 young people), e.g.
--   createdb -T bench_import_roll floor && psql -d floor -f bench/Waypoint.Bench/sql/import-roll-floor.sql
-- and compare the sum of the timed statements with the benchmark's baseline (a bare binary COPY of the roll).
\set ON_ERROR_STOP on
BEGIN;
SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS people_columns
FROM information_schema.columns WHERE table_name = 'young_people' \gset
SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS activity_columns
FROM information_schema.columns WHERE table_name = 'activities' \gset

-- The final values, prepared untimed.
CREATE TEMP TABLE new_people AS SELECT * FROM young_people ORDER BY md5(id::text) LIMIT 27864;
UPDATE new_people SET id = gen_random_uuid(), local_id = 'F' || lpad((row_number)::text, 9, '0'), upn = NULL, uln = NULL, former_upn = NULL
FROM (SELECT id AS old, row_number() OVER () FROM new_people) n WHERE new_people.id = n.old;
CREATE TEMP TABLE changed_people AS SELECT id FROM young_people ORDER BY md5(id::text || 'c') LIMIT 40347;
CREATE TEMP TABLE new_activities AS
SELECT a.*, p.id AS person FROM (SELECT id FROM new_people UNION ALL SELECT id FROM changed_people LIMIT 66197) p
CROSS JOIN LATERAL (SELECT * FROM activities LIMIT 1) a;
UPDATE new_activities SET id = gen_random_uuid(), young_person_id = person, code = '110', date_verified = current_date;
CREATE TEMP TABLE verified AS SELECT id FROM activities ORDER BY md5(id::text) LIMIT 32328;
CREATE TEMP TABLE changed_census AS SELECT young_person_id FROM pupil_census ORDER BY md5(young_person_id::text) LIMIT 35000;
INSERT INTO data_imports (id, kind, file_name, file_sha256, la_code, status, created_at, rows_read, created, updated, unchanged, review, rejected)
VALUES ('00000000-0000-0000-0000-00000000f100', 'Roll', 'roll.csv', repeat('0', 64), '931', 'Committed', now(), 100000, 27864, 70661, 0, 975, 0);
CREATE TEMP TABLE changes AS
SELECT gen_random_uuid() AS id, id AS person FROM (SELECT id FROM new_people UNION ALL SELECT id FROM young_people LIMIT 98525) p;
ANALYZE new_people, changed_people, new_activities, verified, changed_census, changes;

\timing on
-- 1. people created
INSERT INTO young_people (:people_columns) SELECT :people_columns FROM new_people;
-- 2. people whose own row changed: the current-activity summary the work lists index
UPDATE young_people y SET current_activity_id = gen_random_uuid(), current_activity_code = '110', current_activity_start = current_date,
    current_due_to_lapse = date '2027-08-31', updated_at = now(), version = gen_random_uuid()
FROM changed_people c WHERE y.id = c.id;
-- 3. activities added
INSERT INTO activities (:activity_columns) SELECT :activity_columns FROM new_activities;
-- 4. activities verified
UPDATE activities a SET date_verified = current_date FROM verified v WHERE a.id = v.id;
-- 5. census added and changed
INSERT INTO pupil_census (young_person_id, free_school_meals, english_additional_language, child_in_need, young_carer, attendance_percent,
    suspensions, permanent_exclusions, school_moves, as_of)
SELECT id, false, false, false, false, 95.5, 0, 0, 0, current_date FROM new_people;
UPDATE pupil_census c SET attendance_percent = 93.1, as_of = current_date FROM changed_census x WHERE c.young_person_id = x.young_person_id;
-- 6. one audit event per created or changed record (details of the size the import writes)
INSERT INTO audit_events (occurred_at, user_name, action, outcome, entity_type, entity_id, young_person_id, details)
SELECT now(), 'system:bench', 'young-person.imported', 'Succeeded', 'YoungPerson', person::text, person, repeat('x', 367) FROM changes;
-- 7. the change log a revert works from (before, after, added and census-before values)
INSERT INTO data_import_changes (id, import_id, young_person_id, kind, before_json, after_json, added_json, census_before_json, had_census)
SELECT id, '00000000-0000-0000-0000-00000000f100', person, 'Updated', repeat('b', 507), repeat('a', 499), repeat('d', 123), repeat('c', 302), true FROM changes;
\timing off
ROLLBACK;
