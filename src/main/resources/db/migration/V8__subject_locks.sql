-- one row per subject, locked FOR UPDATE while one replica applies that subject's event; PostgreSQL uses advisory
-- locks instead and leaves this table empty
CREATE TABLE subject_lock (
    subject VARCHAR(200) NOT NULL PRIMARY KEY
);
