-- odoo-source: how far each named source has read its model, by Odoo's write_date ('YYYY-MM-DD HH:MM:SS', UTC)
CREATE TABLE odoo_source_watermark (
    source_name  VARCHAR(100) NOT NULL PRIMARY KEY,
    write_date   VARCHAR(19)  NOT NULL,
    updated_at   TIMESTAMP    NOT NULL
);

-- odoo-source: the write_date each record was last delivered at, and a hash of the values read then, so that
-- records sharing one second, read again inside the overlap window or after a restart, or changed twice within
-- one second, are delivered once per change
CREATE TABLE odoo_source_seen (
    source_name  VARCHAR(100) NOT NULL,
    record_id    BIGINT       NOT NULL,
    write_date   VARCHAR(19)  NOT NULL,
    content_hash VARCHAR(64)  NOT NULL,
    PRIMARY KEY (source_name, record_id)
);
CREATE INDEX odoo_source_seen_date ON odoo_source_seen (source_name, write_date);

-- status back to dispatch: what was last sent about each customer invoice, so that each change is sent once
CREATE TABLE dispatch_move_state (
    odoo_id          BIGINT        NOT NULL PRIMARY KEY,
    number           VARCHAR(64),
    state            VARCHAR(16)   NOT NULL,
    posted_sent      BOOLEAN       NOT NULL,
    payment_state    VARCHAR(16),
    amount_residual  DECIMAL(18, 2),
    updated_at       TIMESTAMP     NOT NULL
);
