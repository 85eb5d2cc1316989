DROP TABLE discipline_records;
DROP TABLE title_records;
DROP TABLE eligibility_rules;
