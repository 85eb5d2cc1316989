-- The list counter in 64 shards, one picked by the writing connection: writers on different
-- connections no longer queue for one row lock. Readers sum the shards; every shard only grows,
-- so the sum moves whenever any change commits.
ALTER TABLE list_generations ADD COLUMN shard INTEGER NOT NULL DEFAULT 0;
ALTER TABLE list_generations DROP CONSTRAINT list_generations_pkey;
ALTER TABLE list_generations ADD PRIMARY KEY (name, shard);
INSERT INTO list_generations (name, shard, generation)
    SELECT 'exemplars', s, 0 FROM generate_series(1, 63) AS s;

-- Still before the statement: a writer takes its shard's lock before any exemplar row lock.
CREATE OR REPLACE FUNCTION bump_exemplars_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE list_generations SET generation = generation + 1
     WHERE name = 'exemplars' AND shard = pg_backend_pid() % 64;
    RETURN NULL;
END
$$;
