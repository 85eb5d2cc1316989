ALTER TABLE exemplars DROP COLUMN photo_attachment_id;
