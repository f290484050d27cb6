package io.logisync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Keeps the README's Kamelet tables true to the property schemas of the files in kamelets/. */
class KameletReadmeTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z0-9]+)` \\| ((?:[^|\\\\]|\\\\.)*) \\|",
            Pattern.MULTILINE);

    private final String readme = read(Path.of("README.md"));

    @Test
    void shouldDocumentEachKameletsPropertiesWithTheirDefaults() throws IOException {
        List<String> drift = new ArrayList<>();
        for (Path kamelet : kamelets()) {
            Map<String, Object> definition = definition(kamelet);
            String name = kamelet.getFileName().toString().replace(".kamelet.yaml", "");
            String section = section(name);
            if (section == null) {
                drift.add(name + ": no README section '### Kamelet `" + name + "`'");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) definition
                    .get("properties");
            @SuppressWarnings("unchecked")
            List<String> required = (List<String>) definition.getOrDefault("required", List.of());
            Matcher rows = ROW.matcher(section);
            List<String> documented = new ArrayList<>();
            while (rows.find()) {
                String property = rows.group(1);
                documented.add(property);
                if (!properties.containsKey(property)) {
                    drift.add(name + ": README documents " + property + ", which the Kamelet does not have");
                    continue;
                }
                Object value = properties.get(property).get("default");
                String expected = required.contains(property) ? "required"
                        : value == null ? "(none)" : "`" + value + "`";
                // a table cell escapes the | of a regular expression as \\|
                if (!rows.group(2).strip().replace("\\|", "|").equals(expected)) {
                    drift.add(name + "." + property + ": README says " + rows.group(2).strip() + ", the Kamelet "
                            + expected);
                }
            }
            properties.keySet().stream().filter(p -> !documented.contains(p))
                    .forEach(p -> drift.add(name + ": property " + p + " is not in the README"));
        }

        assertThat(drift).isEmpty();
    }

    @Test
    void shouldNameEachKameletFileAfterItsMetadataName() throws IOException {
        for (Path kamelet : kamelets()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) load(kamelet).get("metadata");
            assertThat(kamelet.getFileName().toString()).isEqualTo(metadata.get("name") + ".kamelet.yaml");
        }
    }

    private static List<Path> kamelets() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("kamelets"))) {
            return files.filter(f -> f.toString().endsWith(".kamelet.yaml")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path kamelet) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(read(kamelet));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> definition(Path kamelet) {
        Map<String, Object> spec = (Map<String, Object>) load(kamelet).get("spec");
        return (Map<String, Object>) spec.get("definition");
    }

    /** The README text from the Kamelet's heading to the next heading. */
    private String section(String name) {
        String heading = "### Kamelet `" + name + "`";
        int start = readme.indexOf(heading);
        if (start < 0) {
            return null;
        }
        int end = readme.indexOf("\n#", start + heading.length());
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
