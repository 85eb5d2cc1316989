-- A second counter in list_generations, 'figures', that every change to the rows report figures
-- and the dashboard count moves forward, so that a server can keep computed figures and know,
-- with one read of the shards, when they are stale.
-- Like 'exemplars', in 64 shards picked by the writing connection.
INSERT INTO list_generations (name, shard, generation)
    SELECT 'figures', s, 0 FROM generate_series(0, 63) AS s;

CREATE FUNCTION bump_figures_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE list_generations SET generation = generation + 1
     WHERE name = 'figures' AND shard = pg_backend_pid() % 64;
    RETURN NULL;
END
$$;

-- Before the statement, like the exemplars' counter; on exemplars this trigger's name sorts
-- before theirs, so every writer takes the 'figures' shard first and the 'exemplars' one second.
CREATE TRIGGER units_figures_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
    FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
CREATE TRIGGER exemplars_figures_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON exemplars
    FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
CREATE TRIGGER exemplar_movements_figures_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON exemplar_movements
    FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
CREATE TRIGGER movements_figures_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON movements
    FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
CREATE TRIGGER introductions_figures_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON introductions
    FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
CREATE TRIGGER evaluations_figures_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON evaluations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
CREATE TRIGGER replications_figures_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON replications
    FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
CREATE TRIGGER difficulties_figures_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON difficulties
    FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
CREATE TRIGGER commendation_proposals_figures_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON commendation_proposals
    FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
CREATE TRIGGER commendation_nominees_figures_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON commendation_nominees
    FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
CREATE TRIGGER award_forms_figures_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON award_forms
    FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
CREATE TRIGGER propagation_activities_figures_generation BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON propagation_activities
    FOR EACH STATEMENT EXECUTE FUNCTION bump_figures_generation();
