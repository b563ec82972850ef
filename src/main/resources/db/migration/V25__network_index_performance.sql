-- The openness index reads every member's figures for a period from the modules' façades (ProgramFigures): these
-- statements select by collectivity and date, and without these indexes each of them read the whole table once per
-- member and period (1,600 members: a parallel sequential scan of 200,000 proposals three times per member).
-- Measured with bench/network.sh (explain analyze, 1,600 members, 200,000 proposals, 5 million supports).
create index ix_proposal_collectivity on program_proposal (collectivity_id, created_at);
create index ix_comment_collectivity on program_comment (collectivity_id, created_at);
create index ix_rating_collectivity on program_rating (collectivity_id, created_at);
create index ix_opinion_collectivity on program_opinion (collectivity_id, adopted_on);
create index ix_recommendation_collectivity on program_recommendation (collectivity_id, opinion_id);
-- InformationStatistics.figures: the totals, the median's distribution and the published answers of a member's
-- requests received in the period, read from this index alone (an index-only scan) instead of one heap page per
-- request: 1,250 requests a member, scattered over as many pages of the table.
create index ix_request_figures on info_request (collectivity_id, received_at, status, due_on, closed_on, closed_at, extended_on,
    working_days_taken, published_at);
