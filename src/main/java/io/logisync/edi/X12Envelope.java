package io.logisync.edi;

import java.util.ArrayList;
import java.util.List;

/**
 * The envelope of one interchange as far as it was read: its ISA, and each functional group's GS with the ST
 * headers of its sets. It is what a 997 acknowledges, so it is kept even when the file turns out to be broken.
 */
final class X12Envelope {

    /** One functional group: its GS and the sets begun inside it, in file order. */
    record Group(Segment gs, List<SetHeader> sets) {

        String functionalId() {
            return gs.trimmed(1);
        }

        String controlNumber() {
            return gs.trimmed(6);
        }

        String version() {
            return gs.trimmed(8);
        }
    }

    /** ST01 and ST02 of one set. */
    record SetHeader(String type, String controlNumber) {
    }

    private final Segment isa;
    private final List<Group> groups = new ArrayList<>();

    X12Envelope(Segment isa) {
        this.isa = isa;
    }

    Segment isa() {
        return isa;
    }

    List<Group> groups() {
        return groups;
    }

    void startGroup(Segment gs) {
        groups.add(new Group(gs, new ArrayList<>()));
    }

    void startSet(String type, String controlNumber) {
        if (!groups.isEmpty()) {
            groups.get(groups.size() - 1).sets().add(new SetHeader(type, controlNumber));
        }
    }
}
