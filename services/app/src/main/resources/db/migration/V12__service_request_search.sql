-- ServiceRequest search by status: the referral keeps its ServiceRequest's status.
alter table referral add column service_request_status varchar(20) not null default 'active';
update referral set service_request_status = 'on-hold' where id in (select referral_id from referral_held);
create index referral_service_request_status on referral (service_request_status);
create index referral_group on referral (group_id);
