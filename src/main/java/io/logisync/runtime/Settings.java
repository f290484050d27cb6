package io.logisync.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads logisync's own settings through Camel's properties, so files, system properties and the environment apply.
 * Every key asked for is remembered, so that {@link #checkKeys()} can name the {@code logisync.*} settings that no
 * part of logisync reads (a misspelt key would otherwise be ignored without a word).
 */
public final class Settings {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);
    private static final String OWN = "logisync.";
    /** The bundled defaults: every key the routes read has one there. */
    private static final String DEFAULTS = "application.properties";
    /**
     * Keys read by name only at run time, beside those read through {@link #withPrefix}: the carriers' Pipes read
     * their secrets from {@code logisync.carriers.<name>.*}, the routes their bus endpoints from
     * {@code logisync.bus.*}.
     */
    private static final List<String> DYNAMIC_PREFIXES = List.of("logisync.carriers.", "logisync.bus.");

    private final PropertiesComponent properties;
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final Set<String> askedPrefixes = ConcurrentHashMap.newKeySet();

    public Settings(CamelContext camelContext) {
        this.properties = camelContext.getPropertiesComponent();
    }

    public String get(String key, String defaultValue) {
        asked.add(key);
        return properties.resolveProperty(key).filter(v -> !v.isBlank()).orElse(defaultValue);
    }

    public String require(String key) {
        asked.add(key);
        return properties.resolveProperty(key).filter(v -> !v.isBlank()).orElseThrow(() ->
                new IllegalStateException(key + " must be set"));
    }

    public int getInt(String key, int defaultValue) {
        String value = get(key, null);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " must be a whole number" + (value.trim().matches("[+-]?[0-9]+")
                    ? " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : "") + ", but was '" + value + "'", e);
        }
    }

    /** A whole number no smaller than {@code min}; anything else fails the start, naming the key and the value. */
    public int getInt(String key, int defaultValue, int min) {
        return getInt(key, defaultValue, min, Integer.MAX_VALUE);
    }

    /** A whole number from {@code min} to {@code max}; anything else fails the start, naming the key and the value. */
    public int getInt(String key, int defaultValue, int min, int max) {
        String range = max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
        String given = get(key, null);
        if (given != null && given.trim().matches("[+-]?[0-9]{10,}")
                && new BigInteger(given.trim()).bitLength() > 31) {
            throw new IllegalStateException(key + " must be " + range + ", but was '" + given + "'");
        }
        int value = getInt(key, defaultValue);
        if (value < min || value > max) {
            throw new IllegalStateException(key + " must be " + range + ", but was '" + given + "'");
        }
        return value;
    }

    /** A time zone by its region id ({@code America/Chicago}) or offset ({@code UTC}, {@code -06:00}). */
    public ZoneId getZone(String key, String defaultValue) {
        String value = get(key, defaultValue);
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException(key + " must be a time zone such as UTC, -06:00 or America/Chicago, but"
                    + " was '" + value + "'", e);
        }
    }

    /** {@code true} or {@code false}, in any case; anything else fails, so a typo never turns a control off. */
    public boolean getBoolean(String key, boolean defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : parseBoolean(key, value);
    }

    /** Every setting under a prefix, keyed by the rest of its name, e.g. the charge mapping table. */
    public Map<String, String> withPrefix(String prefix) {
        askedPrefixes.add(prefix);
        Properties loaded = properties.loadProperties(key -> key.startsWith(prefix));
        Map<String, String> answer = new TreeMap<>();
        loaded.stringPropertyNames().forEach(key -> answer.put(key.substring(prefix.length()),
                loaded.getProperty(key).trim()));
        return answer;
    }

    /**
     * Run once every part of logisync has read its settings: fails when a boolean setting the routes read (one
     * whose bundled default is true or false) holds anything else, or a whole number that the routes read through a
     * placeholder holds anything but a whole number in its range, and logs one WARN naming each {@code logisync.*}
     * key that is set but read by nothing, with the known key closest to it.
     */
    public void checkKeys() {
        Properties defaults = bundledDefaults();
        for (String key : defaults.stringPropertyNames()) {
            String bundled = defaults.getProperty(key).trim();
            if (key.startsWith(OWN) && ("true".equals(bundled) || "false".equals(bundled))) {
                properties.resolveProperty(key).filter(v -> !v.isBlank()).ifPresent(v -> parseBoolean(key, v));
            } else if (key.startsWith(OWN) && bundled.matches("[0-9]+") && !asked.contains(key)) {
                getInt(key, 0, mayBeZero(key) ? 0 : 1);
            } else if (key.startsWith(OWN) && key.endsWith(".cron")) {
                properties.resolveProperty(key).filter(v -> !v.isBlank()).ifPresent(v -> checkCron(key, v));
            }
        }
        List<String> unknown = unknownKeys(defaults);
        if (!unknown.isEmpty()) {
            LOG.warn("Settings that no part of logisync reads, ignored (misspelt?): {}", String.join("; ", unknown));
        }
    }

    /**
     * Whether a whole number the routes read through a placeholder may be 0: a count of retries, a delay or a wait
     * may, how often something polls or repeats and a page's size may not. None may be negative: Camel would read -1
     * retries as retrying for ever, and a message that cannot be applied must end parked with its reason.
     */
    private static boolean mayBeZero(String key) {
        return !(key.endsWith("poll-ms") || key.endsWith("period-ms") || key.endsWith("page-size"));
    }

    /** The {@code logisync.*} keys set (and {@code LOGISYNC_*} variables) that nothing reads, each with a hint. */
    List<String> unknownKeys(Properties defaults) {
        Set<String> known = new TreeSet<>(asked);
        defaults.stringPropertyNames().stream().filter(k -> k.startsWith(OWN)).forEach(known::add);
        List<String> prefixes = new ArrayList<>(DYNAMIC_PREFIXES);
        prefixes.addAll(askedPrefixes);
        List<String> answer = new ArrayList<>();
        Properties set = properties.loadProperties(key -> key.startsWith(OWN));
        for (String key : new TreeSet<>(set.stringPropertyNames())) {
            if (!known.contains(key) && prefixes.stream().noneMatch(key::startsWith)) {
                answer.add(key + " (closest known: " + closest(key, known) + ")");
            }
        }
        Map<String, String> byVariable = new TreeMap<>();
        known.forEach(k -> byVariable.put(variable(k), k));
        for (String name : new TreeSet<>(System.getenv().keySet())) {
            if (name.startsWith("LOGISYNC_") && !byVariable.containsKey(name)
                    && prefixes.stream().noneMatch(p -> name.startsWith(variable(p)))) {
                answer.add(name + " (closest known: " + variable(closest(name, byVariable.keySet())) + ")");
            }
        }
        return answer;
    }

    /** A Quartz cron, which the route would otherwise refuse only as it starts, naming the route, not the setting. */
    private static void checkCron(String key, String value) {
        try {
            CronExpression.validateExpression(value.trim());
        } catch (ParseException e) {
            throw new IllegalStateException(key + " must be a Quartz cron (seconds first, e.g. '0 15 3 * * ?'), but was '"
                    + value + "': " + e.getMessage());
        }
    }

    private static boolean parseBoolean(String key, String value) {
        String word = value.trim().toLowerCase(Locale.ROOT);
        if ("true".equals(word) || "false".equals(word)) {
            return "true".equals(word);
        }
        throw new IllegalStateException(key + " must be true or false, but was '" + value + "'");
    }

    /** The environment variable Camel reads a key from: {@code logisync.odoo.api-key} is LOGISYNC_ODOO_API_KEY. */
    private static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String closest(String key, Set<String> known) {
        return known.stream().min(Comparator.comparingInt((String k) -> distance(key, k))
                .thenComparing(Comparator.naturalOrder())).orElse("none");
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Properties bundledDefaults() {
        Properties answer = new Properties();
        try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in != null) {
                answer.load(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the bundled " + DEFAULTS + " cannot be read", e);
        }
        return answer;
    }
}
