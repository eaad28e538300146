-- A small sample directory for the embedded mode, so that the README walkthrough produces a match.
-- Fictional groups in the Merrimack Valley (Massachusetts) and online; real directories are imported.
insert into peer_group (id, name, program, focus, format, languages, latitude, longitude, address_line, city, state, postal_code, region, weekday, start_time) values
('sample-aa-methuen-monday',   'Methuen Monday Night Big Book',   'AA', 'ALCOHOL', 'IN_PERSON', 'en', 42.7262, -71.1909, '10 Pleasant St', 'Methuen', 'MA', '01844', 'US-MA', 1, '19:30'),
('sample-aa-lawrence-espanol', 'Grupo Nueva Vida Lawrence',       'AA', 'ALCOHOL', 'IN_PERSON', 'es', 42.7070, -71.1631, '200 Common St', 'Lawrence', 'MA', '01840', 'US-MA', 3, '19:00'),
('sample-na-haverhill',        'Haverhill Just For Today',        'NA', 'OPIOIDS,CANNABIS,SEDATIVES,COCAINE,STIMULANTS,HALLUCINOGENS,INHALANTS,OTHER_DRUGS', 'IN_PERSON', 'en', 42.7762, -71.0773, '5 Main St', 'Haverhill', 'MA', '01830', 'US-MA', 2, '18:30'),
('sample-na-lowell-hybrid',    'Lowell Clean and Serene',         'NA', 'OPIOIDS,CANNABIS,SEDATIVES,COCAINE,STIMULANTS,HALLUCINOGENS,INHALANTS,OTHER_DRUGS', 'HYBRID', 'en', 42.6334, -71.3162, '50 Merrimack St', 'Lowell', 'MA', '01852', 'US-MA', 4, '20:00'),
('sample-smart-andover',       'SMART Recovery Andover',          'SMART Recovery', '', 'IN_PERSON', 'en', 42.6583, -71.1368, '1 Central St', 'Andover', 'MA', '01810', 'US-MA', 2, '18:00'),
('sample-smart-online',        'SMART Recovery Online Evening',   'SMART Recovery', '', 'ONLINE', 'en', null, null, null, null, null, null, 'online', 5, '19:00'),
('sample-wfs-online',          'Women for Sobriety Online',       'Women for Sobriety', 'ALCOHOL', 'ONLINE', 'en', null, null, null, null, null, null, 'online', 6, '10:00'),
('sample-aa-springfield',      'Springfield Downtown Step Study', 'AA', 'ALCOHOL', 'IN_PERSON', 'en', 42.1015, -72.5898, '1 Main St', 'Springfield', 'MA', '01103', 'US-MA', 7, '11:00');
