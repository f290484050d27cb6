package io.logisync.accessorial;

import io.logisync.contract.AccessorialRule;
import io.logisync.contract.ContractVersion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Rates an accessorial with the rule of the contract version that rated its shipment. Time at a stop (detention,
 * waiting, layover) is charged from arrival to departure less the free time, rounded up to the contract's step (the
 * started quarter hour, say), at the rate per hour; other codes at the flat amount per occurrence. Either is capped
 * where the contract caps it. A proposal that carries its own amount is checked against the rating and flagged when
 * it differs; one the contract does not price is billed at its own amount, flagged for a person to approve.
 */
public class AccessorialRating {

    /** What rating decided: the billed amount and how it goes on the invoice line, and why. */
    public record Rated(BigDecimal ratedAmount, BigDecimal amount, BigDecimal quantity, BigDecimal unitPrice,
            String label, String explanation, String flag, BigDecimal autoApproveUpTo) {

        /** True when no person needs to approve it: unflagged, and at or under the contract's threshold. */
        public boolean approvesItself() {
            return flag == null && autoApproveUpTo != null && amount.compareTo(autoApproveUpTo) <= 0;
        }
    }

    /** What was proposed, as the rating reads it. */
    public record Proposal(String accessorialId, String loadRef, String code, Integer stopSequence,
            Instant arrivedAt, Instant departedAt, BigDecimal quantity, BigDecimal amount) {
    }

    private static final Map<String, String> NAMES = Map.of("DETENTION", "Detention", "WAITING", "Waiting time",
            "LAYOVER", "Layover", "LUMPER", "Lumper", "TONU", "Truck order not used", "REDELIVERY", "Redelivery",
            "FUEL_ADJUSTMENT", "Fuel adjustment", "SPECIAL_HANDLING", "Special handling");
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    public Rated rate(Proposal proposal, ContractVersion contract) {
        AccessorialRule rule = contract == null ? null : contract.accessorialRule(proposal.code()).orElse(null);
        if (rule != null && rule.ratePerHour() != null) {
            return byTime(proposal, contract, rule);
        }
        if (rule != null && rule.flatAmount() != null) {
            BigDecimal quantity = proposal.quantity() != null ? proposal.quantity() : BigDecimal.ONE;
            BigDecimal amount = rule.flatAmount().multiply(quantity).setScale(2, RoundingMode.HALF_UP);
            String explanation = quantity.stripTrailingZeros().toPlainString() + " x "
                    + rule.flatAmount().toPlainString() + " flat under contract " + contract.label();
            return finish(proposal, contract, rule, amount, quantity, rule.flatAmount(), "", explanation);
        }
        if (proposal.amount() == null) {
            throw new IllegalArgumentException("data.amount: " + (contract == null ? "load " + proposal.loadRef()
                    + " has no contract" : "contract " + contract.label() + " has no rule pricing "
                    + proposal.code()) + ", so accessorial " + proposal.accessorialId() + " must carry its amount");
        }
        BigDecimal amount = proposal.amount().setScale(2, RoundingMode.HALF_UP);
        String flag = contract == null ? "load " + proposal.loadRef() + " has no contract pricing " + proposal.code()
                : "contract " + contract.label() + " has no rule pricing " + proposal.code();
        return new Rated(null, amount, BigDecimal.ONE, amount, label(proposal, ""), "as proposed; " + flag, flag,
                null);
    }

    private Rated byTime(Proposal proposal, ContractVersion contract, AccessorialRule rule) {
        long minutes = minutesAtStop(proposal);
        int free = rule.freeMinutes() == null ? 0 : rule.freeMinutes();
        long chargeable = Math.max(0, minutes - free);
        int step = rule.roundUpToMinutes() == null ? 0 : rule.roundUpToMinutes();
        long billed = step > 0 ? (chargeable + step - 1) / step * step : chargeable;
        BigDecimal amount = rule.ratePerHour().multiply(BigDecimal.valueOf(billed))
                .divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
        BigDecimal hours = BigDecimal.valueOf(billed).divide(MINUTES_PER_HOUR, 6, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        String explanation = duration(minutes) + " at the stop, " + duration(free) + " free, " + duration(chargeable)
                + " chargeable" + (step > 0 && billed != chargeable ? ", rounded up to " + duration(billed) + " ("
                + step + "-minute steps)" : "") + ", at " + rule.ratePerHour().toPlainString() + " an hour under"
                + " contract " + contract.label();
        String detail = ", " + duration(minutes) + " with " + duration(free) + " free, " + duration(billed)
                + " billed";
        return finish(proposal, contract, rule, amount, hours, rule.ratePerHour(), detail, explanation);
    }

    /** Applies the cap, checks a proposed amount, and says how the line reads in Odoo. */
    private Rated finish(Proposal proposal, ContractVersion contract, AccessorialRule rule, BigDecimal rated,
            BigDecimal quantity, BigDecimal unitPrice, String detail, String explanation) {
        BigDecimal amount = rated;
        String how = explanation;
        boolean capped = rule.capAmount() != null && amount.compareTo(rule.capAmount()) > 0;
        if (capped) {
            amount = rule.capAmount().setScale(2, RoundingMode.HALF_UP);
            how = how + "; capped at " + rule.capAmount().toPlainString();
        }
        String flag = null;
        if (proposal.amount() != null && proposal.amount().compareTo(amount) != 0) {
            flag = "proposed " + proposal.amount().toPlainString() + ", but contract " + contract.label()
                    + " rates it " + amount.toPlainString();
        }
        // Odoo bills quantity x unit price: keep the hours or count when they give the amount to the cent
        boolean exact = !capped && quantity.stripTrailingZeros().scale() <= 3
                && unitPrice.stripTrailingZeros().scale() <= 2
                && quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP).compareTo(amount) == 0;
        String label = label(proposal, detail);
        if (exact) {
            return new Rated(amount, amount, quantity, unitPrice, label, how, flag, rule.autoApproveUpTo());
        }
        return new Rated(amount, amount, BigDecimal.ONE, amount, label, how, flag, rule.autoApproveUpTo());
    }

    private static long minutesAtStop(Proposal proposal) {
        if (proposal.arrivedAt() != null && proposal.departedAt() != null) {
            if (proposal.departedAt().isBefore(proposal.arrivedAt())) {
                throw new IllegalArgumentException("data.departedAt: " + proposal.departedAt() + " is before"
                        + " arrivedAt " + proposal.arrivedAt() + " of accessorial " + proposal.accessorialId());
            }
            // a started minute counts, as a clock at the dock would show it
            Duration stay = Duration.between(proposal.arrivedAt(), proposal.departedAt());
            return stay.toMinutes() + (stay.toSecondsPart() > 0 || stay.toNanosPart() > 0 ? 1 : 0);
        }
        if (proposal.quantity() != null) {
            // hours at the stop, as the proposer counted them
            return proposal.quantity().multiply(MINUTES_PER_HOUR).setScale(0, RoundingMode.CEILING).longValueExact();
        }
        throw new IllegalArgumentException("data.arrivedAt, data.departedAt: accessorial " + proposal.accessorialId()
                + " (" + proposal.code() + ") is charged by the hour, so it needs the arrival and departure at the"
                + " stop, or a quantity of hours");
    }

    private static String label(Proposal proposal, String detail) {
        return NAMES.getOrDefault(proposal.code(), proposal.code()) + " " + proposal.accessorialId()
                + (proposal.stopSequence() != null ? " at stop " + proposal.stopSequence() : "") + detail
                + " - load " + proposal.loadRef();
    }

    /** Minutes as people read them: 3 h 20 min, 2 h, 45 min. */
    static String duration(long minutes) {
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
    }
}
