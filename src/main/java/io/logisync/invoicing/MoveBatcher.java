package io.logisync.invoicing;

import io.logisync.odoo.BatchResult;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooException;
import io.logisync.odoo.OdooRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes many moves (customer invoices, vendor bills: any {@code account.move}) real in Odoo in a few calls: one
 * search for those logisync has no id for and may have sent before (by type, partner and {@code ref}, so that a
 * create whose reply was lost is found, not repeated; callers ask for it whenever they hold no id, as their own mark
 * that an attempt was sent can be lost with the process), one {@code create} of all the missing ones, one read of
 * the state of those that existed, one
 * {@code action_post} of every draft to post, and one read back of number, state and total. A {@code create} or
 * {@code action_post} that Odoo refuses with a final error is split in halves, and the halves retried, until the
 * refusal is pinned to its record; the others go through. Moves are grouped by context (company), one set of calls
 * per group.
 *
 * <p>What becomes of each move is its {@link Outcome}: its id as soon as it has one, and the error that stopped it,
 * if any. Nothing here writes logisync's tables; callers bind and record each outcome, under their own locks.
 */
public class MoveBatcher {

    public static final String MODEL = "account.move";
    static final List<String> READ_BACK_FIELDS = List.of("name", "state", "amount_total", "currency_id");

    private static final Logger LOG = LoggerFactory.getLogger(MoveBatcher.class);

    private final OdooClient odoo;

    public MoveBatcher(OdooClient odoo) {
        this.odoo = odoo;
    }

    /**
     * One move to make real.
     *
     * @param key the caller's name for it (its document reference), unique in a batch
     * @param knownId the move's id when logisync knows it already (then {@code values} are not needed)
     * @param values what {@code create} takes, when the move may have to be created
     * @param post true to post it unless it is posted already
     * @param mayExist true when an earlier attempt to create it may have reached Odoo (its reply lost), so that it
     *        is looked for by reference before it is created; false when the caller's record shows none was sent
     */
    public record Request(String key, String moveType, long partnerId, String ref, Long knownId,
            Map<String, Object> values, OdooContext context, boolean post, boolean mayExist) {

        public Request {
            Objects.requireNonNull(key, "key");
            if (knownId == null && values == null) {
                throw new IllegalArgumentException("move " + key + " has neither an id nor values to create it");
            }
        }

        /** A move that may exist in Odoo already unless logisync knows its id: looked for before it is created. */
        public Request(String key, String moveType, long partnerId, String ref, Long knownId,
                Map<String, Object> values, OdooContext context, boolean post) {
            this(key, moveType, partnerId, ref, knownId, values, context, post, true);
        }
    }

    /**
     * What became of one move.
     *
     * @param id the move's id, when it exists in Odoo (even if a later step failed)
     * @param created true when this batch created it
     * @param posted true when this batch posted it
     * @param readBack its number, state, total and currency as read after the batch; null when not read
     * @param error what stopped it; null when every step went through
     */
    public record Outcome(Request request, Long id, boolean created, boolean posted, OdooRecord readBack,
            RuntimeException error) {

        public boolean failed() {
            return error != null;
        }
    }

    /** Runs the batch; one outcome per request, in order. Errors are in the outcomes, never thrown. */
    public List<Outcome> run(List<Request> requests) {
        Map<OdooContext, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            groups.computeIfAbsent(requests.get(i).context(), c -> new ArrayList<>()).add(i);
        }
        State[] states = new State[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            states[i] = new State(requests.get(i));
        }
        groups.forEach((context, indexes) -> runGroup(context, indexes.stream().map(i -> states[i]).toList()));
        List<Outcome> answer = new ArrayList<>();
        for (State s : states) {
            answer.add(new Outcome(s.request, s.id, s.created, s.posted, s.readBack, s.error));
        }
        return answer;
    }

    private void runGroup(OdooContext context, List<State> group) {
        try {
            findUnknown(context, group);
            createMissing(context, group);
            postDrafts(context, group);
            readBack(context, group);
        } catch (OdooException e) {
            // a step failed as a whole: every move it had not settled yet carries that error
            group.stream().filter(s -> s.error == null).forEach(s -> s.error = e);
        } catch (RuntimeException e) {
            LOG.error("A batch of {} move(s) failed in logisync", group.size(), e);
            throw e;
        }
    }

    /**
     * Moves logisync has no id for, and whose create may have reached Odoo before, are looked for in Odoo: one search
     * by type, partner and reference.
     */
    private void findUnknown(OdooContext context, List<State> group) {
        List<State> unknown = group.stream().filter(s -> s.id == null && s.request.mayExist()).toList();
        if (unknown.isEmpty()) {
            return;
        }
        List<Object> domain = List.of(
                List.of("move_type", "in", unknown.stream().map(s -> s.request.moveType()).distinct().toList()),
                List.of("ref", "in", unknown.stream().map(s -> s.request.ref()).distinct().toList()),
                List.of("partner_id", "in", unknown.stream().map(s -> s.request.partnerId()).distinct().toList()),
                List.of("state", "!=", "cancel"));
        List<OdooRecord> found = odoo.searchRead(MODEL, domain, List.of("id", "move_type", "ref", "partner_id",
                "state"), null, "id", context);
        for (State s : unknown) {
            found.stream().filter(r -> s.request.moveType().equals(r.getString("move_type"))
                    && s.request.ref().equals(r.getString("ref")) && r.getMany2one("partner_id") != null
                    && r.getMany2one("partner_id").id() == s.request.partnerId())
                    .findFirst().ifPresent(r -> {
                        s.id = r.id();
                        s.state = r.getString("state");
                    });
        }
    }

    /** The moves still missing are created in one call; one Odoo refuses is isolated by bisection. */
    private void createMissing(OdooContext context, List<State> group) {
        List<State> missing = group.stream().filter(s -> s.id == null && s.error == null).toList();
        if (missing.isEmpty()) {
            return;
        }
        List<Map<String, Object>> values = missing.stream().map(s -> s.request.values()).toList();
        List<BatchResult> results;
        try {
            results = odoo.createEach(MODEL, values, context);
        } catch (OdooException e) {
            missing.forEach(s -> s.error = e);
            return;
        }
        for (BatchResult result : results) {
            State s = missing.get(result.index());
            if (result.isCreated()) {
                s.id = result.id();
                s.created = true;
                s.state = "draft";
            } else {
                s.error = result.error();
            }
        }
    }

    /** Every draft to post is posted in one call, after the state of those found is read in one. */
    private void postDrafts(OdooContext context, List<State> group) {
        List<State> unsure = group.stream().filter(s -> s.request.post() && s.id != null && s.error == null
                && s.state == null).toList();
        if (!unsure.isEmpty()) {
            Map<Long, String> states = new HashMap<>();
            try {
                odoo.read(MODEL, unsure.stream().map(s -> s.id).toList(), List.of("state"), context)
                        .forEach(r -> states.put(r.id(), r.getString("state")));
            } catch (OdooException e) {
                unsure.forEach(s -> s.error = e);
            }
            for (State s : unsure) {
                if (s.error == null) {
                    s.state = states.get(s.id);
                    if (s.state == null) {
                        s.error = new IllegalStateException("account.move " + s.id + " of " + s.request.ref()
                                + " is bound but no longer exists in Odoo");
                    }
                }
            }
        }
        List<State> drafts = group.stream().filter(s -> s.request.post() && s.error == null
                && "draft".equals(s.state)).toList();
        if (drafts.isEmpty()) {
            return;
        }
        List<BatchResult> results;
        try {
            results = odoo.callEach(MODEL, "action_post", drafts.stream().map(s -> s.id).toList(), context);
        } catch (OdooException e) {
            drafts.forEach(s -> s.error = e);
            return;
        }
        for (BatchResult result : results) {
            State s = drafts.get(result.index());
            if (result.isCreated()) {
                s.posted = true;
            } else {
                s.error = result.error();
            }
        }
    }

    /** Number, state and total of every move that went through are read back in one call. */
    private void readBack(OdooContext context, List<State> group) {
        List<State> settled = group.stream().filter(s -> s.id != null && s.error == null)
                .toList();
        if (settled.isEmpty()) {
            return;
        }
        Map<Long, OdooRecord> read = new HashMap<>();
        odoo.read(MODEL, settled.stream().map(s -> s.id).toList(), READ_BACK_FIELDS, context)
                .forEach(r -> read.put(r.id(), r));
        settled.forEach(s -> s.readBack = read.get(s.id));
    }

    /** A move while the batch runs. */
    private static final class State {
        final Request request;
        Long id;
        String state;
        boolean created;
        boolean posted;
        OdooRecord readBack;
        RuntimeException error;

        State(Request request) {
            this.request = request;
            this.id = request.knownId();
        }
    }
}
