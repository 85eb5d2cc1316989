DROP TABLE commendation_publications;
