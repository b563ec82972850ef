-- The network's openness index (module: network). Computed from the other modules' figures; every result keeps the
-- methodology version it was computed with. Monthly snapshots (rolling twelve months) and calendar years are kept.

-- A methodology version: the weight of each pillar (summing to 100) and of each indicator within its pillar (summing
-- to 100 per pillar). A version is never changed once published; coordinators publish a new one.
create table network_methodology (
    version integer primary key,
    published_at timestamp with time zone not null,
    published_by bigint references account (id) on delete set null,
    note_ar varchar(2000),
    note_fr varchar(2000)
);

create table network_methodology_pillar (
    version integer not null references network_methodology (version),
    pillar varchar(20) not null,
    weight integer not null,
    primary key (version, pillar),
    constraint ck_methodology_pillar_weight check (weight between 0 and 100)
);

create table network_methodology_indicator (
    version integer not null references network_methodology (version),
    indicator varchar(40) not null,
    weight integer not null,
    primary key (version, indicator),
    constraint ck_methodology_indicator_weight check (weight between 0 and 100)
);

-- One member's result for one period: 'R2026-11' is the twelve months ending on 30 November 2026 (or today while the
-- month runs), 'Y2025' the calendar year. Scores are 0..100, null when there is not enough data (never zero instead).
create table network_index_score (
    period_key varchar(8) not null,
    collectivity_id bigint not null references collectivity (id),
    period_from date not null,
    period_to date not null,
    methodology_version integer not null references network_methodology (version),
    score numeric(5, 1),
    coverage integer not null,
    rank_position integer,
    transparency numeric(5, 1),
    access numeric(5, 1),
    participation numeric(5, 1),
    digital numeric(5, 1),
    computed_at timestamp with time zone not null,
    primary key (period_key, collectivity_id)
);
create index ix_network_score_member on network_index_score (collectivity_id, period_key);

-- The indicators behind a result: the measured value with its count (numerator and denominator for shares), the 95%
-- Wilson interval of a share, the status (OK, LOW_COUNT, NO_DATA, NOT_APPLICABLE) and the 0..100 score when OK.
create table network_indicator_value (
    period_key varchar(8) not null,
    collectivity_id bigint not null references collectivity (id),
    indicator varchar(40) not null,
    status varchar(16) not null,
    measured numeric(14, 4),
    numerator bigint,
    denominator bigint,
    lower_bound numeric(6, 4),
    upper_bound numeric(6, 4),
    score numeric(5, 1),
    primary key (period_key, collectivity_id, indicator),
    constraint ck_indicator_status check (status in ('OK', 'LOW_COUNT', 'NO_DATA', 'NOT_APPLICABLE'))
);

-- Version 1: the four pillars weigh the same; indicators weigh the same within their pillar.
insert into network_methodology (version, published_at, note_ar, note_fr)
values (1, timestamp with time zone '2026-01-01 00:00:00+01', 'النسخة الأولى: أوزان متساوية للمحاور الأربعة وللمؤشرات داخل كل محور.',
        'Première version : les quatre piliers pèsent autant, et les indicateurs autant au sein de leur pilier.');
insert into network_methodology_pillar (version, pillar, weight) values
    (1, 'TRANSPARENCY', 25), (1, 'ACCESS', 25), (1, 'PARTICIPATION', 25), (1, 'DIGITAL', 25);
insert into network_methodology_indicator (version, indicator, weight) values
    (1, 'DECISIONS_PUBLICATION_DAYS', 25), (1, 'BUDGET_PUBLISHED', 25), (1, 'EXECUTION_PUBLISHED', 25), (1, 'PROJECTS_UPDATED', 25),
    (1, 'REQUESTS_IN_TIME', 25), (1, 'REQUEST_MEDIAN_DAYS', 25), (1, 'REGISTER_UP_TO_DATE', 25), (1, 'ANSWERS_PUBLISHED', 25),
    (1, 'PROPOSALS_ANSWERED', 20), (1, 'PROPOSAL_ANSWER_DAYS', 20), (1, 'WOMEN_SHARE', 20), (1, 'PETITIONS_IN_TIME', 20),
    (1, 'PARTICIPANTS_PER_1000', 20),
    (1, 'ONLINE_SIGNATURES', 34), (1, 'MACHINE_READABLE', 33), (1, 'DOCUMENTS_PUBLISHED', 33);
