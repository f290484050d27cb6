-- a load's parked accessorial events are looked up by subject on every release check (ReleaseRules.undecided):
-- without an index each check read every parked message
CREATE INDEX parked_message_subject ON parked_message (subject, status);
