-- The image attachment chosen as the exemplar's picture. NULL, or an attachment since removed:
-- its first image is shown instead.
ALTER TABLE exemplars ADD COLUMN photo_attachment_id BIGINT;
