package io.logisync.odoo.sim;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A company's lock dates, as Odoo 17 and later keep them: a posted invoice dated in a locked period gets the first
 * open day as its accounting date, and a move of a locked period can no longer be reset to draft.
 */
final class LockDates {

    /** Lock date fields of {@code res.company} with their labels, as Odoo names them. */
    static final List<String[]> FIELDS = List.of(
            new String[] {"fiscalyear_lock_date", "Global Lock Date"},
            new String[] {"sale_lock_date", "Sales Lock Date"},
            new String[] {"purchase_lock_date", "Purchase Lock Date"},
            new String[] {"hard_lock_date", "Hard Lock Date"});

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private LockDates() {
    }

    /** The lock dates that an accounting date of the move falls on or before, latest last. */
    static List<LocalDate> violated(Orm orm, Row move, LocalDate accountingDate) {
        Row company = orm.row("res.company", move.ref("company_id") == null ? DefaultData.COMPANY
                : move.ref("company_id"));
        List<LocalDate> answer = new ArrayList<>();
        if (company == null || accountingDate == null) {
            return answer;
        }
        for (String[] field : FIELDS) {
            boolean applies = switch (field[0]) {
                case "sale_lock_date" -> MoveModels.isSale(move);
                case "purchase_lock_date" -> MoveModels.isPurchase(move);
                default -> true;
            };
            LocalDate lock = company.date(field[0]);
            if (applies && lock != null && !accountingDate.isAfter(lock)) {
                answer.add(lock);
            }
        }
        answer.sort(Comparator.naturalOrder());
        return answer;
    }

    /** The first accounting date an invoice may take: its own, or the day after the latest lock it falls in. */
    static LocalDate firstOpenDate(Orm orm, Row move, LocalDate wanted) {
        List<LocalDate> locks = violated(orm, move, wanted);
        return locks.isEmpty() ? wanted : locks.get(locks.size() - 1).plusDays(1);
    }

    /** Refuses a change to a move dated in a locked period. */
    static void refuseChange(Orm orm, Row move) {
        Optional<LocalDate> lock = violated(orm, move, move.date("date")).stream().reduce((a, b) -> b);
        if (lock.isPresent()) {
            // Known gap: Odoo lists every violated lock date by label; the simulator names the latest one only.
            throw OdooError.userError("You cannot modify entries prior to and inclusive of the lock date "
                    + US_DATE.format(lock.get()) + ".");
        }
    }
}
