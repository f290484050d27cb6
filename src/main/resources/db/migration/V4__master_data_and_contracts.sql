-- master data as last applied from dispatch, field by field, so a change can be told apart from a repeat
CREATE TABLE master_record (
    kind         VARCHAR(40)  NOT NULL,
    code         VARCHAR(64)  NOT NULL,
    fields       TEXT         NOT NULL,
    updated_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (kind, code)
);

-- contracts are kept by logisync, one row per version; a version is in force from effective_from to effective_to
CREATE TABLE contract_version (
    contract_code     VARCHAR(64)  NOT NULL,
    version           INTEGER      NOT NULL,
    customer_code     VARCHAR(64)  NOT NULL,
    effective_from    DATE         NOT NULL,
    effective_to      DATE,
    currency          VARCHAR(3)   NOT NULL,
    billing_company   VARCHAR(64),
    payment_term_code VARCHAR(64),
    invoice_grouping  VARCHAR(16)  NOT NULL,
    fuel_index        VARCHAR(64),
    content_hash      VARCHAR(64)  NOT NULL,
    event_id          VARCHAR(256),
    received_at       TIMESTAMP    NOT NULL,
    PRIMARY KEY (contract_code, version)
);
CREATE INDEX contract_version_customer ON contract_version (customer_code, effective_from);

CREATE TABLE contract_rate (
    contract_code VARCHAR(64)    NOT NULL,
    version       INTEGER        NOT NULL,
    line_no       INTEGER        NOT NULL,
    charge_code   VARCHAR(64)    NOT NULL,
    unit          VARCHAR(8)     NOT NULL,
    rate          DECIMAL(24, 6) NOT NULL,
    PRIMARY KEY (contract_code, version, line_no)
);

CREATE TABLE contract_accessorial_rule (
    contract_code       VARCHAR(64)    NOT NULL,
    version             INTEGER        NOT NULL,
    line_no             INTEGER        NOT NULL,
    code                VARCHAR(64)    NOT NULL,
    free_minutes        INTEGER,
    rate_per_hour       DECIMAL(24, 6),
    flat_amount         DECIMAL(24, 6),
    round_up_to_minutes INTEGER,
    cap_amount          DECIMAL(24, 6),
    auto_approve_up_to  DECIMAL(24, 6),
    PRIMARY KEY (contract_code, version, line_no)
);

CREATE TABLE contract_fuel_band (
    contract_code VARCHAR(64)    NOT NULL,
    version       INTEGER        NOT NULL,
    line_no       INTEGER        NOT NULL,
    from_price    DECIMAL(24, 6) NOT NULL,
    to_price      DECIMAL(24, 6) NOT NULL,
    percent       DECIMAL(12, 6) NOT NULL,
    PRIMARY KEY (contract_code, version, line_no)
);

-- which contract version rated a shipment, at which pickup date: the invoice's company, currency and terms
CREATE TABLE shipment_contract (
    load_ref         VARCHAR(64) NOT NULL PRIMARY KEY,
    contract_code    VARCHAR(64) NOT NULL,
    contract_version INTEGER     NOT NULL,
    pickup_date      DATE        NOT NULL,
    updated_at       TIMESTAMP   NOT NULL
);
