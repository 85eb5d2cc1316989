DROP TABLE ballot_choices;
DROP TABLE ballot_voters;
DROP TABLE ballots;
DROP TABLE meeting_attendance;
DROP TABLE meeting_agenda;
DROP TABLE council_meetings;
DROP TABLE council_members;
DROP TABLE councils;
