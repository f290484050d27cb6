-- the last control number used on acknowledgements (997) sent to each EDI trading partner
CREATE TABLE edi_control_number (
    partner     VARCHAR(64) NOT NULL PRIMARY KEY,
    last_number BIGINT      NOT NULL
);
