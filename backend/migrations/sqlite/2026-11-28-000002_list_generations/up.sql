-- A counter that every change to the rows a list filters on moves forward, so that a server can
-- keep the totals of filtered lists and know, with one primary-key read, when they are stale.
CREATE TABLE list_generations (
    name TEXT PRIMARY KEY NOT NULL,
    generation BIGINT NOT NULL DEFAULT 0
);
INSERT INTO list_generations (name, generation) VALUES ('exemplars', 0);

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
