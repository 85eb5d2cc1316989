DELETE FROM attachments WHERE owner_type = 'difficulty';
ALTER TABLE attachments DROP CONSTRAINT attachments_owner_type_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_owner_type_check
    CHECK (owner_type IN ('exemplar', 'evaluation', 'replication'));
