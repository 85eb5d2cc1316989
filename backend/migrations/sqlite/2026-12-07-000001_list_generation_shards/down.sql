DROP TRIGGER exemplars_generation_insert;
DROP TRIGGER exemplars_generation_update;
DROP TRIGGER exemplars_generation_delete;
DROP TRIGGER exemplar_movements_generation_insert;
DROP TRIGGER exemplar_movements_generation_update;
DROP TRIGGER exemplar_movements_generation_delete;
CREATE TABLE list_generations_single (
    name TEXT PRIMARY KEY NOT NULL,
    generation BIGINT NOT NULL DEFAULT 0
);
INSERT INTO list_generations_single (name, generation)
    SELECT name, SUM(generation) FROM list_generations GROUP BY name;
DROP TABLE list_generations;
ALTER TABLE list_generations_single RENAME TO list_generations;
CREATE TRIGGER exemplars_generation_insert AFTER INSERT ON exemplars BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars';
END;
CREATE TRIGGER exemplars_generation_update AFTER UPDATE ON exemplars BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars';
END;
CREATE TRIGGER exemplars_generation_delete AFTER DELETE ON exemplars BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars';
END;
CREATE TRIGGER exemplar_movements_generation_insert AFTER INSERT ON exemplar_movements BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars';
END;
CREATE TRIGGER exemplar_movements_generation_update AFTER UPDATE ON exemplar_movements BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars';
END;
CREATE TRIGGER exemplar_movements_generation_delete AFTER DELETE ON exemplar_movements BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars';
END;
