-- The sample directory, completed for step 3: time zones, what the groups are like, and a
-- one-on-one peer supporter (fictional) for people who find groups hard.
update peer_group set time_zone = 'America/New_York' where id like 'sample-%';
update peer_group set characteristics = 'newcomer,open,wheelchair-accessible' where id = 'sample-aa-methuen-monday';
update peer_group set characteristics = 'open' where id = 'sample-aa-lawrence-espanol';
update peer_group set characteristics = 'closed,speaker' where id = 'sample-na-haverhill';
update peer_group set characteristics = 'newcomer,discussion' where id = 'sample-na-lowell-hybrid';
update peer_group set characteristics = 'secular,discussion' where id = 'sample-smart-andover';
update peer_group set characteristics = 'women' where id = 'sample-wfs-online';

insert into peer_group (id, name, program, format, languages, region, characteristics, time_zone, cost) values
('sample-peer-merrimack', 'Merrimack Valley Peer Recovery Coaches', 'peer-recovery-support', 'ONLINE', 'en,es', 'US-MA',
 'one-on-one', 'America/New_York', 'free');
