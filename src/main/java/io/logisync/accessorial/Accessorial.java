package io.logisync.accessorial;

import io.logisync.invoicing.BillLine;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One accessorial charge of a load as logisync keeps it: what was proposed, what the contract rates it at, what is
 * billed once it is approved, and the latest decision on it (who, when, why).
 *
 * @param ratedAmount what the contract gives, or null when the contract does not price this code
 * @param amount what the customer is billed once approved: an approver's amount, else the rating, else the proposal
 * @param flag why a person must look at it (an amount that differs from the rating, a code the contract does not
 *     price), or null
 */
public record Accessorial(String accessorialId, String loadRef, String code, Integer stopSequence, Instant arrivedAt,
        Instant departedAt, BigDecimal quantity, BigDecimal proposedAmount, BigDecimal ratedAmount, BigDecimal amount,
        BigDecimal billedQuantity, BigDecimal unitPrice, String label, String rating, String flag, String currency,
        Status status, String decidedBy, Instant decidedAt, String decisionReason, String decisionSource,
        String contentHash, String eventId, String source, String eventJson, Instant proposedAt) {

    /** What the label of an accessorial approved at an amount other than its rating ends with. */
    public static final String APPROVED_AMOUNT = " (approved amount)";

    /** Where a proposal stands. */
    public enum Status { PENDING, APPROVED, REJECTED }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public boolean isApproved() {
        return status == Status.APPROVED;
    }

    /** Its label without the note of an approver's amount, as it was rated. */
    public String ratedLabel() {
        String answer = label;
        while (answer.endsWith(APPROVED_AMOUNT)) {
            answer = answer.substring(0, answer.length() - APPROVED_AMOUNT.length());
        }
        return answer;
    }

    /** The invoice line it bills once approved. */
    public BillLine line() {
        return new BillLine(BillLine.ACCESSORIAL_PREFIX + accessorialId, loadRef, code, label, billedQuantity,
                unitPrice, amount);
    }
}
