DROP TABLE register_entries;
DROP TABLE number_registers;
DROP TABLE base_salaries;
DROP TABLE award_forms;
