-- The same table as on PostgreSQL, with its shards. SQLite has one writer at a time, so its
-- triggers keep counting in shard 0 (no lock to spread).
DROP TRIGGER exemplars_generation_insert;
DROP TRIGGER exemplars_generation_update;
DROP TRIGGER exemplars_generation_delete;
DROP TRIGGER exemplar_movements_generation_insert;
DROP TRIGGER exemplar_movements_generation_update;
DROP TRIGGER exemplar_movements_generation_delete;
CREATE TABLE list_generations_sharded (
    name TEXT NOT NULL,
    shard INTEGER NOT NULL DEFAULT 0,
    generation BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (name, shard)
);
INSERT INTO list_generations_sharded (name, shard, generation)
    SELECT name, 0, generation FROM list_generations;
DROP TABLE list_generations;
ALTER TABLE list_generations_sharded RENAME TO list_generations;
CREATE TRIGGER exemplars_generation_insert AFTER INSERT ON exemplars BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars' AND shard = 0;
END;
CREATE TRIGGER exemplars_generation_update AFTER UPDATE ON exemplars BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars' AND shard = 0;
END;
CREATE TRIGGER exemplars_generation_delete AFTER DELETE ON exemplars BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars' AND shard = 0;
END;
CREATE TRIGGER exemplar_movements_generation_insert AFTER INSERT ON exemplar_movements BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars' AND shard = 0;
END;
CREATE TRIGGER exemplar_movements_generation_update AFTER UPDATE ON exemplar_movements BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars' AND shard = 0;
END;
CREATE TRIGGER exemplar_movements_generation_delete AFTER DELETE ON exemplar_movements BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars' AND shard = 0;
END;
