package io.logisync.ingress;

import java.util.Locale;
import java.util.Set;

/**
 * The ISO 3166-1 alpha-2 country codes (the JDK's list), one list for the door's check, the master data reader and
 * the X12 mapper, so that what the door takes is what Odoo is sent.
 */
public final class Countries {

    private static final Set<String> ALPHA_2 = Set.of(Locale.getISOCountries());

    private Countries() {
    }

    /** True for an ISO 3166-1 alpha-2 code in capitals ({@code US}); false for {@code ZZ}, {@code us} or null. */
    public static boolean isAlpha2(String code) {
        return code != null && ALPHA_2.contains(code);
    }
}
