-- the invoice a proof-of-delivery document's attachment was last sent to Odoo for: Odoo is searched for the
-- attachment before creating it only when one was sent for that invoice already (its reply may have been lost)
ALTER TABLE pod_document ADD COLUMN sent_to_move_id BIGINT;
