#!/usr/bin/env bash
# The network's openness index at national scale, on PostgreSQL (issue 7, "Benchmark"): 1,600 member collectivities
# (12 regions, 75 provinces, 1,513 communes, each with a population) with about fifteen months of synthetic activity
# loaded with set-based SQL straight into the tables (no HTTP, no demo data): 2,000,000 information requests, 16,000
# proactive register items, 200,000 proposals with ~5,000,000 supports, comments, diagnosis ratings, workshops with
# registrations and attendance, bodies' opinions and recommendations, commitments with milestones and progress,
# 6,400 petitions with ~320,000 signatures, 32,000 council sessions with 200,000 decisions (published), budgets and
# their execution, 32,000 projects with 96,000 updates and 48,000 documents. Then
#  (1) the full recomputation of the index, measured without any bench code in the product: the application is
#      started again on the loaded schema with the hourly job set to every minute
#      (--opencommune.network.index.cron="0 * * * * *"); it runs IndexComputation.recomputeDue(), which on a fresh
#      schema computes 15 periods (the running twelve months and year, 12 monthly snapshots and last year); the
#      figures are read from its log lines "Openness index <key>: N members computed with methodology vX in N ms".
#      The target is one period for the 1,600 members under 30 s on 2 cores. The first start (THREADS' first value)
#      computes the 15 periods; every other start (one per value of THREADS, opencommune.network.index.threads) finds
#      the closed periods computed and computes the two running ones, RUNS times.
#  (2) the dashboard served from the stored snapshots: the ranking of the 1,600 members (/fr/network/index) and a
#      member's page (/fr/network/index/<slug>), and the API (/api/v1/network/index), each for DURATION_S seconds at
#      CONCURRENCY with bench/LoadGen.java after WARMUP_S (target p99 < 50 ms). A page that answers 404 (not built
#      yet) is reported as such and skipped.
#
# Usage: ./mvnw -q package -DskipTests && bench/network.sh
# Env:   JAR, PORT (default 18080), THREADS ("4 2 8"), RUNS (2 runs of the running periods per thread count after the
#        first), CONCURRENCY (12), DURATION_S (20), WARMUP_S (60), PG_HOST (127.0.0.1), PG_PORT (5432), PG_USER
#        (postgres), PG_DB (test), PG_SCHEMA (oc_bench_network, dropped and recreated), PARTS ("load recompute
#        dashboard"; without "load" the schema loaded by a previous run with KEEP=1 is reused), KEEP (1: keep the
#        schema at the end)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PORT="${PORT:-18080}"
THREADS="${THREADS:-4 2 8}"
RUNS="${RUNS:-2}"
CONCURRENCY="${CONCURRENCY:-12}"
DURATION_S="${DURATION_S:-20}"
WARMUP_S="${WARMUP_S:-60}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
PG_DB="${PG_DB:-test}"
PG_SCHEMA="${PG_SCHEMA:-oc_bench_network}"
PARTS="${PARTS:-load recompute dashboard}"
KEEP="${KEEP:-}"
MEMBERS=1600
ACCOUNTS=50000
REQUESTS=2000000
PROPOSALS=200000
DECISIONS=200000
SESSIONS_PER_MEMBER=20
DAYS=455
. bench/lib.sh
trap 'stop_app; rm -f "$APP_LOG"' EXIT

pg() { PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="${PG_PASSWORD:-}" psql -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" "$@"; }
scalar() { pg -At -c "set search_path to $PG_SCHEMA; $1" | tail -n 1; }
run_sql() { { echo "set search_path to $PG_SCHEMA;"; cat; } | pg -f -; }

# Starts the jar on the PostgreSQL schema, without the demo data; extra arguments are passed to the application.
start_pg_app() {
  APP_DATA="$(mktemp -d)"
  : >"$APP_LOG"
  # out-of-order: a schema kept (KEEP=1) by an earlier jar may lack a migration numbered below its newest one.
  OPENCOMMUNE_DEMO=false OPENCOMMUNE_CRYPTO_KEY="$(head -c 32 /dev/urandom | base64)" \
    DATABASE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?currentSchema=$PG_SCHEMA" \
    DATABASE_USERNAME="$PG_USER" DATABASE_PASSWORD="${PG_PASSWORD:-}" \
    java -jar "$JAR" --spring.profiles.active=postgres --server.port="$PORT" --opencommune.data-dir="$APP_DATA" \
    --spring.flyway.schemas="$PG_SCHEMA" --spring.flyway.out-of-order=true --opencommune.secure-cookie=false "$@" >"$APP_LOG" 2>&1 &
  APP_PID=$!
}

# --- The data set: set-based SQL, no HTTP --------------------------------------------------------------------
load_data() {
  local t0 t1
  t0=$(now_ms)
  run_sql <<SQL
\timing on
-- 12 regions, 75 provinces, 1,513 communes: 1,600 collectivities, all network members.
insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, population, census_year, created_at)
select 'bn-region-' || r.x, 'BNR' || r.x, 'REGION', 'جهة ' || r.x, 'Région ' || r.x, 'ⵜⴰⵎⵏⴰⴹⵜ ' || r.x, 1500000 + r.x * 150000, 2024, current_timestamp
from generate_series(1, 12) r(x);
insert into collectivity (slug, code, type, parent_id, region_id, name_ar, name_fr, name_zgh, population, census_year, created_at)
select 'bn-province-' || r.x, 'BNP' || r.x, 'PROVINCE', g.id, g.id, 'إقليم ' || r.x, 'Province ' || r.x, 'ⴰⵙⴳⴰⵎ ' || r.x,
       200000 + mod(r.x * 7919, 600000), 2024, current_timestamp
from generate_series(1, 75) r(x) join collectivity g on g.slug = 'bn-region-' || (1 + mod(r.x, 12));
insert into collectivity (slug, code, type, parent_id, region_id, name_ar, name_fr, name_zgh, population, census_year, created_at)
select 'bn-commune-' || r.x, 'BNC' || r.x, 'COMMUNE', p.id, p.region_id, 'جماعة ' || r.x, 'Commune ' || r.x, 'ⵜⴰⵎⵙⵏⴰⵡⵜ ' || r.x,
       3000 + mod(r.x * 7919, 150000), 2024, current_timestamp
from generate_series(1, 1513) r(x) join collectivity p on p.slug = 'bn-province-' || (1 + mod(r.x, 75));
insert into network_membership (collectivity_id, joined_on, cohort) select id, date '2025-01-01', 'bench' from collectivity;
-- Members numbered 0..1599 (n), with their process and body once created.
create unlogged table bench_member as select (row_number() over (order by id) - 1)::int as n, id, null::bigint as process_id, null::bigint as body_id
from collectivity where slug like 'bn-%';
alter table bench_member add primary key (n);
insert into account (email, email_normalized, password_hash, display_name, preferred_lang, email_confirmed_at, created_at, updated_at)
select 'bn' || r.x || '@bench.invalid', 'bn' || r.x || '@bench.invalid', '{noop}not-a-login', 'Citoyenne ' || r.x, 'fr',
       current_timestamp, current_timestamp, current_timestamp
from generate_series(1, $ACCOUNTS) r(x);
create unlogged table bench_const as select min(id) as a0, current_date - $DAYS as t0 from account where email_normalized like 'bn%@bench.invalid';

-- Information: 2,000,000 requests over 15 months (1,250 per member); closed when their answer day has passed, a few
-- old ones still open (overdue); answered ones partly published. Working days and publication vary by member.
insert into info_request (collectivity_id, tracking_number, first_name, last_name, postal_address, cin_cipher, cin_hash, cin_hint,
    subject, description, delivery, urgent, lang, status, received_at, received_on, due_on, closed_at, closed_on, working_days_taken,
    answer_kind, refusal_ground, refusal_reasoning, published_at, published_subject)
select m.id, 'BN-' || r.x, 'Prénom', 'Nom', 'Adresse', 'bench', md5(r.x::text), '**',
       'Demande n° ' || r.x, 'Description d’une demande d’accès à l’information.',
       case mod(r.x, 3) when 0 then 'EMAIL' when 1 then 'POSTAL' else 'PICKUP' end, mod(r.x, 97) = 0, 'fr',
       case when not d.closed then 'RECEIVED' else d.status end,
       d.received::timestamp + time '10:00', d.received, d.received + 28,
       case when d.closed then d.closed_on::timestamp + time '11:00' end, case when d.closed then d.closed_on end,
       case when d.closed and d.status not in ('TRANSFERRED', 'WITHDRAWN') then d.wd end,
       case when d.closed and d.status = 'ANSWERED' then 'FULL' when d.closed and d.status = 'PARTLY_ANSWERED' then 'PARTIAL' end,
       case when d.closed and d.status = 'REFUSED' then 'NOT_HELD' end,
       case when d.closed and d.status = 'REFUSED' then 'Information non détenue.' end,
       case when d.closed and d.status in ('ANSWERED', 'PARTLY_ANSWERED') and mod(r.x, 4) < mod(m.n, 5) then d.closed_on::timestamp + time '15:00' end,
       case when d.closed and d.status in ('ANSWERED', 'PARTLY_ANSWERED') and mod(r.x, 4) < mod(m.n, 5) then 'Demande n° ' || r.x end
from generate_series(1, $REQUESTS) r(x)
join bench_member m on m.n = mod(r.x, $MEMBERS)
cross join bench_const k
cross join lateral (select k.t0 + mod(r.x * 7 + m.n, $DAYS) as received, 2 + mod(r.x * 13 + m.n * 3, 22 + mod(m.n, 12)) as wd,
       case mod(r.x / $MEMBERS, 20) when 0 then 'REFUSED' when 1 then 'REFUSED' when 2 then 'TRANSFERRED' when 3 then 'WITHDRAWN'
            when 4 then 'PARTLY_ANSWERED' when 5 then 'PARTLY_ANSWERED' else 'ANSWERED' end as status) b
cross join lateral (select b.received, b.wd, b.status, b.received + (b.wd * 7) / 5 as closed_on,
       b.received + (b.wd * 7) / 5 < current_date and mod(r.x, 211) <> 0 as closed) d;
update info_request set extended_on = received_on + 20, extension_reason = 'LARGE_VOLUME', due_on = received_on + 56
 where mod(id, 37) = 0 and tracking_number like 'BN-%';
-- The proactive register: 10 items per member, some past their update date.
insert into info_proactive_item (collectivity_id, category, title_ar, title_fr, url, last_updated_on, frequency, next_update_due, created_at, updated_at)
select m.id, (array['BUDGET', 'DELIBERATIONS', 'PROGRAMS_PROJECTS', 'PROCUREMENT', 'SERVICES', 'OFFICER_CONTACT', 'ORGANISATION', 'REPORTS',
       'OTHER', 'OTHER'])[i.x], 'بند ' || i.x, 'Rubrique ' || i.x, 'https://example.org/' || m.n || '/' || i.x,
       current_date - mod(m.n * 11 + i.x * 37, 200), 'QUARTERLY', current_date - mod(m.n * 11 + i.x * 37, 200) + 91, current_timestamp, current_timestamp
from bench_member m cross join generate_series(1, 10) i(x);

-- Program: one published process per member, 5 diagnosis areas with ratings, 200,000 proposals (125 per member),
-- ~5,000,000 supports (1 to 49 per proposal), 100,000 comments, 6 workshops per member with registrations and
-- attendance, a body's 2 opinions with 4 recommendations each, 5 commitments with 3 milestones each.
insert into program_process (collectivity_id, title_ar, title_fr, title_zgh, starts_on, ends_on, published_at, created_at, updated_at)
select m.id, 'برنامج', 'Programme', 'ⴰⵖⴰⵡⴰⵙ', k.t0 - 5, current_date + 180, (k.t0 - 5)::timestamp, current_timestamp, current_timestamp
from bench_member m cross join bench_const k;
update bench_member m set process_id = p.id from program_process p where p.collectivity_id = m.id;
insert into program_area (process_id, collectivity_id, position, title_ar, title_fr, title_zgh, created_at)
select m.process_id, m.id, i.x, 'محور ' || i.x, 'Axe ' || i.x, 'ⴰⵣⵍⴰⵢ ' || i.x, current_timestamp
from bench_member m cross join generate_series(1, 5) i(x);
insert into program_rating (area_id, process_id, collectivity_id, account_id, importance, satisfaction, gender, created_at, updated_at)
select a.id, a.process_id, a.collectivity_id, k.a0 + mod(q.x * 491 + a.id, $ACCOUNTS), 1 + mod(q.x, 5), 1 + mod(q.x * 3 + a.id, 5),
       case mod(q.x, 3) when 0 then 'WOMAN' when 1 then 'MAN' end, k.t0::timestamp + (mod(q.x * 17 + a.id, 120) || ' days')::interval,
       current_timestamp
from program_area a cross join bench_const k cross join generate_series(1, 20) q(x)
where a.collectivity_id in (select id from bench_member);
insert into program_proposal (process_id, collectivity_id, author_id, title, body, status, answer_text, answered_at, created_at)
select m.process_id, m.id, k.a0 + mod(r.x * 7, $ACCOUNTS), 'Proposition n° ' || r.x, 'Texte de la proposition n° ' || r.x,
       case when d.answered is null then 'OPEN' else (array['ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_RETAINED', 'ALREADY_COVERED'])[1 + mod(r.x, 4)] end,
       case when d.answered is not null then 'Réponse motivée.' end, d.answered, d.created
from generate_series(1, $PROPOSALS) r(x)
join bench_member m on m.n = mod(r.x, $MEMBERS)
cross join bench_const k
cross join lateral (select k.t0::timestamp + time '09:00' + (mod(r.x * 13, 440) || ' days')::interval as created) c
cross join lateral (select c.created,
       case when mod(r.x / $MEMBERS, 10) < 5 + mod(m.n, 5)
             and c.created + ((3 + mod(r.x * 11, 60 + mod(m.n, 60))) || ' days')::interval < current_timestamp
            then c.created + ((3 + mod(r.x * 11, 60 + mod(m.n, 60))) || ' days')::interval end as answered) d;
insert into program_support (proposal_id, account_id, created_at)
select p.id, k.a0 + mod(p.id * 37 + s.x * 101, $ACCOUNTS), p.created_at + (s.x * 7 || ' hours')::interval
from program_proposal p cross join bench_const k cross join lateral generate_series(1, 1 + mod(p.id * 13, 49)) s(x)
where p.title like 'Proposition n° %';
insert into program_comment (proposal_id, collectivity_id, author_id, body, created_at)
select p.id, p.collectivity_id, k.a0 + mod(p.id * 29, $ACCOUNTS), 'Commentaire.', p.created_at + interval '2 days'
from program_proposal p cross join bench_const k where mod(p.id, 2) = 0 and p.title like 'Proposition n° %';
insert into program_workshop (process_id, collectivity_id, title_ar, title_fr, title_zgh, mode, place, starts_at, ends_at, created_at)
select m.process_id, m.id, 'ورشة ' || i.x, 'Atelier ' || i.x, 'ⴰⵙⵏⵎⴰⵍ ' || i.x, 'IN_PERSON', 'Salle',
       (k.t0 + i.x * 70 + mod(m.n, 30))::timestamp + time '10:00', (k.t0 + i.x * 70 + mod(m.n, 30))::timestamp + time '12:00', current_timestamp
from bench_member m cross join bench_const k cross join generate_series(0, 5) i(x);
insert into program_registration (workshop_id, account_id, registered_at)
select w.id, k.a0 + mod(w.id * 53 + i.x * 7, $ACCOUNTS), w.starts_at - interval '3 days'
from program_workshop w cross join bench_const k cross join generate_series(1, 20) i(x)
where w.collectivity_id in (select id from bench_member);
insert into program_attendance (workshop_id, collectivity_id, account_id, gender, age_band, recorded_at)
select w.id, w.collectivity_id, case when i.x <= 15 then k.a0 + mod(w.id * 53 + i.x * 7, $ACCOUNTS) end,
       case when mod(i.x + w.id, 10) < 2 + mod(w.collectivity_id, 5) then 'WOMAN' when mod(i.x, 7) = 0 then null else 'MAN' end,
       '25_34', w.ends_at
from program_workshop w cross join bench_const k cross join generate_series(1, 30) i(x)
where w.collectivity_id in (select id from bench_member);
insert into consultative_body (collectivity_id, type, name_ar, name_fr, name_zgh)
select m.id, 'GENDER_EQUALITY', 'هيئة المساواة', 'Instance de l’équité', 'ⵜⴰⵏⴰⵖⵜ' from bench_member m;
update bench_member m set body_id = b.id from consultative_body b where b.collectivity_id = m.id;
insert into program_opinion (process_id, collectivity_id, body_id, title, text, adopted_on, created_at)
select m.process_id, m.id, m.body_id, 'Avis ' || i.x, 'Texte de l’avis.', k.t0 + 60 + i.x * 150 + mod(m.n, 40), current_timestamp
from bench_member m cross join bench_const k cross join generate_series(0, 1) i(x);
insert into program_recommendation (opinion_id, collectivity_id, number, text, response, responded_at)
select o.id, o.collectivity_id, i.x, 'Recommandation ' || i.x, case when mod(o.id + i.x, 3) <> 0 then 'TAKEN' end,
       case when mod(o.id + i.x, 3) <> 0 then current_timestamp end
from program_opinion o cross join generate_series(1, 4) i(x) where o.collectivity_id in (select id from bench_member);
insert into program_commitment (process_id, collectivity_id, number, title, created_at, updated_at)
select m.process_id, m.id, i.x, 'Engagement ' || i.x, current_timestamp, current_timestamp
from bench_member m cross join generate_series(1, 5) i(x);
insert into program_milestone (commitment_id, collectivity_id, position, output, due_on, completed_on)
select c.id, c.collectivity_id, i.x, 'Jalon ' || i.x, k.t0 + i.x * 120, case when mod(c.id + i.x, 3) <> 0 then k.t0 + i.x * 110 end
from program_commitment c cross join bench_const k cross join generate_series(1, 3) i(x) where c.collectivity_id in (select id from bench_member);
insert into program_progress (milestone_id, commitment_id, collectivity_id, reported_on, text, created_at)
select s.id, s.commitment_id, s.collectivity_id, s.due_on - 30, 'Avancement.', current_timestamp
from program_milestone s where mod(s.id, 2) = 0 and s.collectivity_id in (select id from bench_member);

-- Petitions: 4 per member (one in four from an association), opened, filed and decided at varying speeds; 10 to 89
-- signatures each, one in four on paper.
insert into petition (collectivity_id, kind, agent_id, title, object, reasons, requested_action, lang, status, threshold, created_at,
    opened_on, filed_on, decision_due, decided_on)
select m.id, case when i.x = 3 then 'ASSOCIATION' else 'CITIZENS' end, k.a0 + mod(m.n * 4 + i.x, $ACCOUNTS), 'Pétition ' || i.x,
       'Objet', 'Motifs', 'Demande', 'fr',
       case when d.decided_on is not null then (case when mod(m.n + i.x, 3) = 0 then 'REJECTED' else 'ACCEPTED' end)
            when d.filed_on < current_date then 'FILED' else 'OPEN' end,
       100, d.opened_on::timestamp, d.opened_on, case when d.filed_on < current_date then d.filed_on end,
       case when d.filed_on < current_date then d.filed_on + 60 end, d.decided_on
from bench_member m cross join bench_const k cross join generate_series(0, 3) i(x)
cross join lateral (select k.t0 + i.x * 100 + mod(m.n, 50) as opened_on, k.t0 + i.x * 100 + mod(m.n, 50) + 45 as filed_on,
       case when k.t0 + i.x * 100 + mod(m.n, 50) + 45 + 20 + mod(m.n * 7 + i.x * 13, 70) < current_date
            then k.t0 + i.x * 100 + mod(m.n, 50) + 45 + 20 + mod(m.n * 7 + i.x * 13, 70) end as decided_on) d;
insert into petition_signature (petition_id, collectivity_id, cin_hash, account_id, source, basis, signed_at, notify, commune_id)
select p.id, p.collectivity_id, md5(p.id || '-' || s.x), case when mod(s.x, 4) <> 0 then k.a0 + mod(p.id * 31 + s.x, $ACCOUNTS) end,
       case when mod(s.x, 4) = 0 then 'PAPER' else 'ONLINE' end, 'RESIDENT', p.opened_on::timestamp + (s.x || ' hours')::interval, false,
       p.collectivity_id
from petition p cross join bench_const k cross join lateral generate_series(1, 10 + mod(p.id * 17, 80)) s(x)
where p.collectivity_id in (select id from bench_member);

-- Council: 20 sessions per member, all held (32,000), 200,000 decisions (6 or 7 a session, each on its agenda item),
-- published 2 days to 2 months after the session (one in fifty still a draft).
insert into council_session (collectivity_id, kind, held_on, starts_at, place, status, created_at)
select m.id, 'ORDINARY', k.t0 + i.x * 22 + mod(m.n, 10), time '10:00', 'Salle du conseil',
       case when mod(i.x, 2) = 0 then 'MINUTES_PUBLISHED' else 'HELD' end, current_timestamp
from bench_member m cross join bench_const k cross join generate_series(0, $SESSIONS_PER_MEMBER - 1) i(x);
create unlogged table bench_session as select (row_number() over (order by s.id) - 1)::int as i, s.id, s.collectivity_id, s.held_on
from council_session s where s.collectivity_id in (select id from bench_member);
alter table bench_session add primary key (i);
insert into council_agenda_item (collectivity_id, session_id, position, title_fr, created_at)
select s.collectivity_id, s.id, 1 + r.x / ($MEMBERS * $SESSIONS_PER_MEMBER), 'Point ' || r.x, current_timestamp
from generate_series(0, $DECISIONS - 1) r(x) join bench_session s on s.i = mod(r.x, $MEMBERS * $SESSIONS_PER_MEMBER);
insert into council_decision (collectivity_id, session_id, agenda_item_id, number, title_fr, topic, votes_for, votes_against, votes_abstain,
    outcome, status, published_on, published_at, created_at)
select a.collectivity_id, a.session_id, a.id, 'D-' || a.id, 'Délibération ' || a.id, 'OTHER', 20, 3, 1, 'ADOPTED',
       case when mod(a.id, 50) = 0 then 'DRAFT' else 'PUBLISHED' end,
       case when mod(a.id, 50) <> 0 then d.published end, case when mod(a.id, 50) <> 0 then d.published::timestamp + time '12:00' end,
       current_timestamp
from council_agenda_item a join council_session s on s.id = a.session_id
cross join lateral (select least(current_date, s.held_on + (2 + mod(a.session_id * 7, 8 + mod(s.collectivity_id, 55)))::int) as published) d
where a.collectivity_id in (select id from bench_member);
-- Budgets of last year and this year (this year's published by four members in five), execution by quarter.
insert into budget (collectivity_id, fiscal_year, number, status, published_on, created_at)
select m.id, y.y, 0, case when y.y < extract(year from current_date) or mod(m.n, 5) <> 0 then 'PUBLISHED' else 'DRAFT' end,
       case when y.y < extract(year from current_date) or mod(m.n, 5) <> 0 then make_date(y.y::int, 1, 15 + mod(m.n, 10)) end, current_timestamp
from bench_member m cross join (select extract(year from current_date)::int - 1 as y union all select extract(year from current_date)::int) y;
insert into budget_execution (collectivity_id, fiscal_year, period_kind, period_number, ends_on, status, published_on, created_at)
select m.id, e.y, 'Q', q.x, (make_date(e.y, q.x * 3, 1) + interval '1 month' - interval '1 day')::date, 'PUBLISHED',
       (make_date(e.y, q.x * 3, 1) + interval '2 months')::date, current_timestamp
from bench_member m cross join (select extract(year from current_date)::int - 1 as y union all select extract(year from current_date)::int) e
cross join generate_series(1, 4) q(x)
where mod(m.n, 3) <> 0 and (make_date(e.y, q.x * 3, 1) + interval '2 months')::date <= current_date;
-- Projects: 20 per member, published, 3 progress updates each over the last 200 days.
insert into council_project (collectivity_id, title_fr, search_text, sector, status, latitude, longitude, progress, published, created_at, updated_at)
select m.id, 'Projet ' || i.x, 'projet ' || i.x, 'ROADS', case when mod(i.x, 10) = 0 then 'COMPLETED' else 'IN_PROGRESS' end,
       30 + mod(m.n, 50) / 10.0, -8 + mod(m.n, 40) / 10.0, mod(i.x * 7, 100), true, current_timestamp, current_timestamp
from bench_member m cross join generate_series(1, 20) i(x);
insert into council_project_update (project_id, collectivity_id, kind, reported_on, progress, text, created_at)
select p.id, p.collectivity_id, 'PROGRESS', current_date - mod(p.id * 7 + u.x * 67, 200)::int, mod(u.x * 30, 100), 'Avancement.', current_timestamp
from council_project p cross join generate_series(1, 3) u(x) where p.collectivity_id in (select id from bench_member);
-- Documents: 30 per member, published over the 15 months.
insert into council_document (collectivity_id, kind, title_fr, document_date, document_year, storage_key, file_name, content_type,
    file_extension, size_bytes, search_text, status, published_at, created_at)
select m.id, (array['DECISION', 'MINUTES', 'BUDGET', 'REPORT', 'STUDY', 'OTHER'])[1 + mod(i.x, 6)], 'Document ' || i.x, d.day,
       extract(year from d.day)::int, md5(m.n || '/' || i.x), 'document.pdf', 'application/pdf', 'pdf', 100000, 'document ' || i.x,
       'PUBLISHED', d.day::timestamp + time '12:00', current_timestamp
from bench_member m cross join bench_const k cross join generate_series(1, 30) i(x)
cross join lateral (select k.t0 + mod(m.n * 13 + i.x * 15, $DAYS) as day) d;

drop table bench_session;
drop table bench_const;
drop table bench_member;
-- Vacuumed as autovacuum would have done for rows this old: the visibility map lets the index's statements read the
-- indexes alone (index-only scans) as they do in production.
select format('vacuum (analyze) %I.%I', schemaname, tablename) from pg_tables where schemaname = '$PG_SCHEMA' \\gexec
SQL
  t1=$(now_ms)
  echo "load: $(( (t1 - t0) / 1000 )) s for $(scalar "select count(*) from network_membership") members," \
       "$(scalar "select count(*) from info_request") information requests," \
       "$(scalar "select count(*) from program_proposal") proposals, $(scalar "select count(*) from program_support") supports," \
       "$(scalar "select count(*) from petition_signature") petition signatures," \
       "$(scalar "select count(*) from council_decision where status = 'PUBLISHED'") published council decisions" \
       "(database $(scalar "select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = '$PG_SCHEMA'")))"
}

# Waits until the log holds $1 lines "Openness index ...: N members computed"; fails after $2 seconds.
wait_computed() {
  local deadline=$(( $(now_ms) + $2 * 1000 ))
  until [ "$(grep -c 'Openness index .* members computed' "$APP_LOG" || true)" -ge "$1" ]; do
    if ! kill -0 "$APP_PID" 2>/dev/null || [ "$(now_ms)" -gt "$deadline" ]; then
      echo "recompute: $1 periods not computed within $2 s:" >&2
      tail -n 40 "$APP_LOG" >&2
      exit 1
    fi
    sleep 1
  done
}

# The index's log lines of the current run, shortened: "<key>: N members ... in N ms".
computed_lines() {
  grep -o 'Openness index .* members computed with methodology v[0-9]* in [0-9]* ms' "$APP_LOG" | sed 's/^Openness index //'
}

measure_recompute() {
  local first=1 n lines
  for n in $THREADS; do
    stop_app
    # A run cut short by the previous stop would keep the job's lock for its 50 minutes.
    scalar "delete from shedlock where name = 'network.index'" >/dev/null
    start_pg_app --opencommune.network.index.cron="0 * * * * *" --opencommune.network.index.threads="$n"
    wait_up 240
    if [ "$first" = 1 ] && [ "$(scalar "select count(*) from network_index_score")" = 0 ]; then
      # Fresh schema: the first run computes the 15 due periods; the next ones the two running periods.
      wait_computed $(( 15 + 2 * RUNS )) 3600
      lines=$(computed_lines)
      echo "$lines" | head -n 15 | sed "s/^/recompute threads=$n first run: /"
      echo "recompute threads=$n first run: 15 periods in $(echo "$lines" | head -n 15 | grep -o '[0-9]* ms$' | awk '{s += $1} END {print s}') ms"
      echo "$lines" | tail -n +16 | sed "s/^/recompute threads=$n next runs: /"
    else
      wait_computed $(( 2 * RUNS )) 1800
      computed_lines | sed "s/^/recompute threads=$n: /"
    fi
    first=0
  done
  echo "stored: $(scalar "select count(*) from network_index_score") scores, $(scalar "select count(*) from network_indicator_value") indicator values," \
       "$(scalar "select count(distinct period_key) from network_index_score") periods"
}

measure_page() {  # label url
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "${2//\{n\}/1}")
  if [ "$code" != 200 ]; then
    echo "$1: $2 answers $code (page not built yet?): skipped"
    return 0
  fi
  LABEL="warm-up" java bench/LoadGen.java "$CONCURRENCY" "$WARMUP_S" "$2" >/dev/null
  LABEL="$1" java bench/LoadGen.java "$CONCURRENCY" "$DURATION_S" "$2"
}

measure_dashboard() {
  local slug
  stop_app
  # The hourly job at its usual time: nothing is recomputed while the pages are measured.
  start_pg_app
  wait_up 240
  slug=$(scalar "select c.slug from network_index_score s join collectivity c on c.id = s.collectivity_id
                 where s.rank_position is not null order by s.period_key desc, s.rank_position limit 1")
  slug="${slug:-bn-commune-1}"
  measure_page "pg ranking (1,600)   " "$BASE/fr/network/index"
  FROM=1 TO=32 measure_page "pg ranking, any page " "$BASE/fr/network/index?page={n}"
  FROM=1 TO=1513 measure_page "pg member pages      " "$BASE/fr/network/index/bn-commune-{n}"
  measure_page "pg API ranking       " "$BASE/api/v1/network/index"
  # With a cookie every request is rendered afresh (AnonymousPageCache serves only cookie-less visitors).
  COOKIE="bench=1" measure_page "pg ranking, afresh   " "$BASE/fr/network/index"
  COOKIE="bench=1" FROM=1 TO=1513 measure_page "pg member, afresh    " "$BASE/fr/network/index/bn-commune-{n}"
}

# Sourced with BENCH_DEFINE_ONLY=1 to reuse the functions (e.g. to EXPLAIN a façade statement by hand).
[ "${BENCH_DEFINE_ONLY:-}" = 1 ] && return 0

for part in $PARTS; do
  case "$part" in
    load)
      pg -c "drop schema if exists $PG_SCHEMA cascade; create schema $PG_SCHEMA;"
      # Flyway creates the tables; no demo data.
      start_pg_app; wait_up 240; stop_app
      load_data ;;
    recompute) measure_recompute ;;
    dashboard) measure_dashboard ;;
  esac
done
stop_app
[ -n "$KEEP" ] || pg -c "drop schema if exists $PG_SCHEMA cascade;"
printf '(%s cores, %s, load average %s)\n' "$(nproc)" "$(java -version 2>&1 | head -n 1)" "$(cut -d ' ' -f 1-3 /proc/loadavg)"
