-- A second counter in list_generations, 'figures', that every change to the rows report figures
-- and the dashboard count moves forward, so that a server can keep computed figures and know,
-- with one read of the shards, when they are stale.
-- SQLite has one writer at a time: its triggers count in shard 0.
INSERT INTO list_generations (name, shard, generation) VALUES ('figures', 0, 0);
CREATE TRIGGER units_figures_generation_insert AFTER INSERT ON units BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER units_figures_generation_update AFTER UPDATE ON units BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER units_figures_generation_delete AFTER DELETE ON units BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER exemplars_figures_generation_insert AFTER INSERT ON exemplars BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER exemplars_figures_generation_update AFTER UPDATE ON exemplars BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER exemplars_figures_generation_delete AFTER DELETE ON exemplars BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER exemplar_movements_figures_generation_insert AFTER INSERT ON exemplar_movements BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER exemplar_movements_figures_generation_update AFTER UPDATE ON exemplar_movements BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER exemplar_movements_figures_generation_delete AFTER DELETE ON exemplar_movements BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER movements_figures_generation_insert AFTER INSERT ON movements BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER movements_figures_generation_update AFTER UPDATE ON movements BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER movements_figures_generation_delete AFTER DELETE ON movements BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER introductions_figures_generation_insert AFTER INSERT ON introductions BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER introductions_figures_generation_update AFTER UPDATE ON introductions BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER introductions_figures_generation_delete AFTER DELETE ON introductions BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER evaluations_figures_generation_insert AFTER INSERT ON evaluations BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER evaluations_figures_generation_update AFTER UPDATE ON evaluations BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER evaluations_figures_generation_delete AFTER DELETE ON evaluations BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER replications_figures_generation_insert AFTER INSERT ON replications BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER replications_figures_generation_update AFTER UPDATE ON replications BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER replications_figures_generation_delete AFTER DELETE ON replications BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER difficulties_figures_generation_insert AFTER INSERT ON difficulties BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER difficulties_figures_generation_update AFTER UPDATE ON difficulties BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER difficulties_figures_generation_delete AFTER DELETE ON difficulties BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER commendation_proposals_figures_generation_insert AFTER INSERT ON commendation_proposals BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER commendation_proposals_figures_generation_update AFTER UPDATE ON commendation_proposals BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER commendation_proposals_figures_generation_delete AFTER DELETE ON commendation_proposals BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER commendation_nominees_figures_generation_insert AFTER INSERT ON commendation_nominees BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER commendation_nominees_figures_generation_update AFTER UPDATE ON commendation_nominees BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER commendation_nominees_figures_generation_delete AFTER DELETE ON commendation_nominees BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER award_forms_figures_generation_insert AFTER INSERT ON award_forms BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER award_forms_figures_generation_update AFTER UPDATE ON award_forms BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER award_forms_figures_generation_delete AFTER DELETE ON award_forms BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER propagation_activities_figures_generation_insert AFTER INSERT ON propagation_activities BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER propagation_activities_figures_generation_update AFTER UPDATE ON propagation_activities BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
CREATE TRIGGER propagation_activities_figures_generation_delete AFTER DELETE ON propagation_activities BEGIN
    UPDATE list_generations SET generation = generation + 1 WHERE name = 'figures' AND shard = 0;
END;
