CREATE OR REPLACE FUNCTION bump_exemplars_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'exemplars';
    RETURN NULL;
END
$$;
UPDATE list_generations SET generation = (SELECT SUM(generation) FROM list_generations)
 WHERE name = 'exemplars' AND shard = 0;
DELETE FROM list_generations WHERE shard <> 0;
ALTER TABLE list_generations DROP CONSTRAINT list_generations_pkey;
ALTER TABLE list_generations DROP COLUMN shard;
ALTER TABLE list_generations ADD PRIMARY KEY (name);
