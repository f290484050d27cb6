package io.logisync.odoo.camel;

import java.util.Optional;

/**
 * Remembers which Odoo record stands for an external reference, so that an {@code upsert} with {@code bindingKind}
 * writes to it without searching Odoo; bind one bean of this type in the registry to use it.
 */
public interface BindingLookup {

    /** The id of the record bound to {@code ref} of this {@code kind}, if any. */
    Optional<Long> find(String kind, String ref);

    /** Binds {@code ref} of this {@code kind} to record {@code id} of {@code model}, replacing an earlier binding. */
    void bind(String kind, String ref, String model, long id);
}
