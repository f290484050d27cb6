package io.logisync.store;

import io.logisync.odoo.camel.BindingLookup;
import java.util.Optional;

/** The odoo component's binding lookup over logisync's binding table, so upserts and routes share one memory. */
public final class StoredBindings implements BindingLookup {

    private final BindingStore store;

    public StoredBindings(BindingStore store) {
        this.store = store;
    }

    @Override
    public Optional<Long> find(String kind, String ref) {
        return store.find(kind, ref).map(BindingStore.Binding::odooId);
    }

    @Override
    public void bind(String kind, String ref, String model, long id) {
        // an upsert does not track what it wrote, so no content hash
        store.bind(kind, ref, model, id, null);
    }
}
