package io.logisync.runtime;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/** Reads logisync's own settings through Camel's properties, so files, system properties and the environment apply. */
public final class Settings {

    private final PropertiesComponent properties;

    public Settings(CamelContext camelContext) {
        this.properties = camelContext.getPropertiesComponent();
    }

    public String get(String key, String defaultValue) {
        return properties.resolveProperty(key).filter(v -> !v.isBlank()).orElse(defaultValue);
    }

    public String require(String key) {
        return properties.resolveProperty(key).filter(v -> !v.isBlank()).orElseThrow(() ->
                new IllegalStateException(key + " must be set"));
    }

    public int getInt(String key, int defaultValue) {
        String value = get(key, null);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " must be a whole number, but was '" + value + "'", e);
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Boolean.parseBoolean(value.trim());
    }

    /** Every setting under a prefix, keyed by the rest of its name, e.g. the charge mapping table. */
    public Map<String, String> withPrefix(String prefix) {
        Properties loaded = properties.loadProperties(key -> key.startsWith(prefix));
        Map<String, String> answer = new TreeMap<>();
        loaded.stringPropertyNames().forEach(key -> answer.put(key.substring(prefix.length()),
                loaded.getProperty(key).trim()));
        return answer;
    }
}
