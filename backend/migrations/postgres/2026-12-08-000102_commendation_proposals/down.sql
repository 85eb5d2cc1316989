DROP TABLE notice_comment_quota;
DROP TABLE notice_comments;
DROP TABLE commendation_attachments;
DROP TABLE commendation_events;
DROP TABLE commendation_nominees;
DROP TABLE commendation_proposals;
DROP TABLE commendation_occasions;
