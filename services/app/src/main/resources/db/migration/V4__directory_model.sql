-- The directory model of step 3: programs by their recovery-programs code, every meeting day in
-- meeting_days, what attending costs, and no stored focus (matching derives it from the program).
update peer_group set program = 'aa' where program = 'AA';
update peer_group set program = 'na' where program = 'NA';
update peer_group set program = 'ca' where program = 'CA';
update peer_group set program = 'smart-recovery' where program = 'SMART Recovery';
update peer_group set program = 'women-for-sobriety' where program = 'Women for Sobriety';
update peer_group set program = 'moderation-management' where program = 'Moderation Management';
update peer_group set program = 'lifering' where program = 'LifeRing';

update peer_group set meeting_days = cast(weekday as varchar(30))
    where weekday is not null and (meeting_days is null or meeting_days = '');
alter table peer_group drop column weekday;
alter table peer_group drop column focus;

alter table peer_group add column cost varchar(16);  -- group-costs code; null: the program's usual

-- Searches: by program, and by place for Location near.
create index peer_group_program on peer_group (program);
create index peer_group_position on peer_group (latitude, longitude);
