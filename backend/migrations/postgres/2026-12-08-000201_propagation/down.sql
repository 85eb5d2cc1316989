DELETE FROM attachments WHERE owner_type = 'propagation';
ALTER TABLE attachments DROP CONSTRAINT attachments_owner_type_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_owner_type_check
    CHECK (owner_type IN ('exemplar', 'evaluation', 'replication', 'commendation_proposal'));

DROP TABLE propagation_exemplars;
DROP TABLE propagation_activities;
