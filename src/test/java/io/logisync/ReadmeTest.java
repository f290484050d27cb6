package io.logisync;

import static org.assertj.core.api.Assertions.assertThat;

import io.logisync.odoo.camel.OdooEndpoint;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.camel.spi.UriParam;
import org.junit.jupiter.api.Test;

/** Keeps the README's tables true to the real properties and component options. */
class ReadmeTest {

    private final String readme = read(Path.of("README.md"));

    @Test
    void shouldDocumentEveryLogisyncProperty() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        List<String> undocumented = properties.stringPropertyNames().stream()
                .filter(k -> k.startsWith("logisync."))
                .map(ReadmeTest::documentedAs)
                .distinct().filter(k -> !readme.contains("`" + k + "`")).sorted().toList();

        assertThat(undocumented).isEmpty();
    }

    /** Tables of codes are documented once, by their pattern. */
    private static String documentedAs(String key) {
        for (String table : List.of("logisync.charge-mapping.", "logisync.payment-term.", "logisync.company.")) {
            if (key.startsWith(table)) {
                return table + "<CODE>";
            }
        }
        return key.startsWith("logisync.master-data.owner.") ? "logisync.master-data.owner.<kind>.<field>" : key;
    }

    @Test
    void shouldDocumentEveryOptionOfTheOdooComponent() {
        List<String> undocumented = Arrays.stream(OdooEndpoint.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(UriParam.class)).map(Field::getName)
                .filter(name -> !readme.contains("| `" + name + "` |")).sorted().toList();

        assertThat(undocumented).isEmpty();
    }

    @Test
    void shouldShowTheTestCommandThatCiRuns() {
        assertThat(read(Path.of(".ci/run"))).contains("mvn -B -ntp verify");
        assertThat(readme).contains("mvn -B verify");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
