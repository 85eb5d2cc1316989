DROP TABLE notice_comment_quota;
DROP TABLE notice_comments;
DROP TABLE commendation_attachments;
DROP TABLE commendation_events;
DROP TABLE commendation_nominees;
DROP TABLE commendation_proposals;
DROP TABLE commendation_occasions;
DELETE FROM attachments WHERE owner_type = 'commendation_proposal';
ALTER TABLE attachments DROP CONSTRAINT attachments_owner_type_check;
ALTER TABLE attachments ADD CONSTRAINT attachments_owner_type_check
    CHECK (owner_type IN ('exemplar', 'evaluation', 'replication'));
