package io.logisync.odoo;

/**
 * What became of one input of {@link OdooClient#createEach}: the new record's id, or the error that refused it.
 *
 * @param index position of the values in the input list
 * @param id the created record's id; null when {@code error} is set
 * @param error why this record was not created; null when it was
 */
public record BatchResult(int index, Long id, OdooException error) {

    public BatchResult {
        if ((id == null) == (error == null)) {
            throw new IllegalArgumentException("A batch result has either an id or an error");
        }
    }

    public static BatchResult created(int index, long id) {
        return new BatchResult(index, id, null);
    }

    public static BatchResult failed(int index, OdooException error) {
        return new BatchResult(index, null, error);
    }

    public boolean isCreated() {
        return id != null;
    }
}
