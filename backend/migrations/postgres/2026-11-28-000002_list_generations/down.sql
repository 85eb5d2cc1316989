DROP TRIGGER exemplar_movements_generation ON exemplar_movements;
DROP TRIGGER exemplars_generation ON exemplars;
DROP FUNCTION bump_exemplars_generation();
DROP TABLE list_generations;
