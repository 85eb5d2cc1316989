DROP TABLE exemplar_publications;
