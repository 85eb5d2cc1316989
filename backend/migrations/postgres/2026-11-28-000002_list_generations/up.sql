-- A counter that every change to the rows a list filters on moves forward, so that a server can
-- keep the totals of filtered lists and know, with one primary-key read, when they are stale.
CREATE TABLE list_generations (
    name TEXT PRIMARY KEY NOT NULL,
    generation BIGINT NOT NULL DEFAULT 0
);
INSERT INTO list_generations (name, generation) VALUES ('exemplars', 0);

CREATE FUNCTION bump_exemplars_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars';
    RETURN NULL;
END
$$;

-- Before the statement: a writer takes the counter's row lock before any exemplar row lock, so
-- two writers never hold one each while waiting for the other.
CREATE TRIGGER exemplars_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON exemplars
    FOR EACH STATEMENT EXECUTE FUNCTION bump_exemplars_generation();
CREATE TRIGGER exemplar_movements_generation
    BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON exemplar_movements
    FOR EACH STATEMENT EXECUTE FUNCTION bump_exemplars_generation();
