package io.logisync.edi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/** X12 special charge codes (L1-08) and the canonical charge code each is booked under, from a properties file. */
public final class ChargeCodeTable {

    /** The table shipped with the product, on the classpath. */
    public static final String BUNDLED = "/edi/x12-charge-codes.properties";

    /** Canonical charge codes are case-sensitive codes of at most 64 characters; the tables use the upper-case form. */
    private static final Pattern CHARGE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private final Map<String, String> chargeCodes;

    private ChargeCodeTable(Map<String, String> chargeCodes) {
        this.chargeCodes = Map.copyOf(chargeCodes);
    }

    /** The bundled table. */
    public static ChargeCodeTable bundled() {
        try (InputStream in = ChargeCodeTable.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table of {@code X12CODE=CHARGE_CODE} lines; a value that is not a charge code fails the load. */
    public static ChargeCodeTable load(InputStream properties) throws IOException {
        Properties entries = new Properties();
        entries.load(new InputStreamReader(properties, StandardCharsets.UTF_8));
        Map<String, String> codes = new HashMap<>();
        for (String code : entries.stringPropertyNames()) {
            String chargeCode = entries.getProperty(code).strip();
            if (!CHARGE_CODE.matcher(chargeCode).matches()) {
                throw new IllegalArgumentException("X12 charge code " + code + " maps to '" + chargeCode
                        + "', which is not a charge code (upper-case letters, digits and _, at most 64)");
            }
            codes.put(code.strip(), chargeCode);
        }
        return new ChargeCodeTable(codes);
    }

    /** This table with the other's entries added, the other's winning where both name a code. */
    public ChargeCodeTable with(ChargeCodeTable other) {
        Map<String, String> merged = new HashMap<>(chargeCodes);
        merged.putAll(other.chargeCodes);
        return new ChargeCodeTable(merged);
    }

    /** The canonical charge code for an L1-08 code; empty when the table does not list it. */
    public Optional<String> chargeCodeFor(String specialChargeCode) {
        return Optional.ofNullable(chargeCodes.get(specialChargeCode));
    }
}
