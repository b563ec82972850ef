-- One row per computed period of the openness index: its generation, a number that grows with every computation of
-- any period, with when it was computed, the methodology version and the number of members. Each node keeps a
-- period's ranking in memory and reads this small table to learn that a computation replaced it (DESIGN.md: caches
-- are invalidated through the database), instead of reading the period's 1,600 results for every page.
create table network_index_period (
    period_key varchar(8) primary key,
    generation bigint not null,
    methodology_version integer not null references network_methodology (version),
    members integer not null,
    computed_at timestamp with time zone not null
);

insert into network_index_period (period_key, generation, methodology_version, members, computed_at)
select period_key, 1, max(methodology_version), count(*), max(computed_at) from network_index_score group by period_key;
