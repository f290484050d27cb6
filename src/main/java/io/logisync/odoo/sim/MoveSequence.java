package io.logisync.odoo.sim;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Move numbers as Odoo gives them on posting: yearly {@code INV/2026/00001} on sales journals, monthly
 * {@code BILL/2026/12/0001} elsewhere, with an {@code R} prefix for credit notes.
 */
final class MoveSequence {

    private static final Pattern NUMBERED = Pattern.compile("^(.*?)(\\d+)$");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private MoveSequence() {
    }

    static String next(Orm orm, Row move) {
        String prefix = periodPrefix(orm, move);
        return prefix + pad(highest(orm, prefix, move.id()) + 1, digits(orm, move));
    }

    /** Only the last number of a sequence may be deleted, so that numbering keeps no gaps. */
    static boolean isLastInChain(Orm orm, Row move) {
        Matcher matcher = NUMBERED.matcher(move.string("name"));
        if (!matcher.matches()) {
            return true;
        }
        return highest(orm, matcher.group(1), move.id()) < Long.parseLong(matcher.group(2));
    }

    private static String periodPrefix(Orm orm, Row move) {
        Row journal = orm.row("account.journal", move.ref("journal_id"));
        String code = journal == null ? "MISC" : journal.string("code");
        String type = move.string("move_type");
        String prefix = type.endsWith("_refund") ? "R" + code : code;
        LocalDate date = move.date("date");
        return yearly(orm, move) ? String.format("%s/%04d/", prefix, date.getYear())
                : String.format("%s/%04d/%02d/", prefix, date.getYear(), date.getMonthValue());
    }

    // Known gap: receipts (out_receipt/in_receipt) are numbered in their journal like invoices
    private static boolean yearly(Orm orm, Row move) {
        Object type = orm.value("account.journal", move.ref("journal_id"), "type");
        return "sale".equals(type);
    }

    private static int digits(Orm orm, Row move) {
        return yearly(orm, move) ? 5 : 4;
    }

    private static long highest(Orm orm, String prefix, long exceptId) {
        Long indexed = orm.store().highestNumber(MoveModels.MOVE, "name", prefix, exceptId);
        if (indexed != null) {
            return indexed;
        }
        long highest = 0;
        for (Row other : orm.store().rows(MoveModels.MOVE)) {
            String name = other.string("name");
            if (other.id() != exceptId && name != null && name.startsWith(prefix)
                    && DIGITS.matcher(name.substring(prefix.length())).matches()) {
                highest = Math.max(highest, Long.parseLong(name.substring(prefix.length())));
            }
        }
        return highest;
    }

    private static String pad(long number, int digits) {
        return String.format("%0" + digits + "d", number);
    }
}
