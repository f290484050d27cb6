package io.logisync.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every manifest in k8s/ (and the Kamelets and carrier Pipes it deploys) matches the Kubernetes, Camel K and Strimzi
 * models of its kind, as written and as kustomize renders each overlay, so a misspelt field fails the build.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final List<String> KUSTOMIZATIONS = List.of("base", "overlays/demo", "overlays/production",
            "camel-k");

    @Test
    void shouldMatchEveryManifestFileToItsKind() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files = manifestFiles();

        for (Path file : files) {
            for (JsonNode document : ManifestChecker.documents(Files.readString(file))) {
                problems.addAll(ManifestChecker.problems(file.toString(), document));
            }
        }

        assertThat(files).extracting(Path::toString).contains("k8s/base/deployment.yaml",
                "k8s/overlays/production/hpa.yaml", "k8s/camel-k/integration.yaml");
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldRenderEachKustomizationIntoManifestsOfKnownKinds() throws Exception {
        for (String dir : KUSTOMIZATIONS) {
            List<JsonNode> rendered = render(dir);
            List<String> problems = new ArrayList<>();
            rendered.forEach(d -> problems.addAll(ManifestChecker.problems("kustomize " + dir, d)));
            assertThat(problems).as(dir).isEmpty();
            assertThat(rendered).as(dir).isNotEmpty();
        }
    }

    @Test
    void shouldProbeHealthAndMountEveryRouteInTheDeployment() throws Exception {
        for (String overlay : List.of("overlays/demo", "overlays/production")) {
            List<JsonNode> rendered = render(overlay);
            JsonNode container = only(rendered, "Deployment").at("/spec/template/spec/containers/0");

            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/observe/health");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/observe/health");
            assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
            assertThat(routes(only(rendered, "ConfigMap", "logisync-routes"))).isEqualTo(routeFiles());
        }
        List<JsonNode> production = render("overlays/production");
        assertThat(kinds(production)).contains("HorizontalPodAutoscaler", "PodDisruptionBudget", "KafkaTopic");
        assertThat(production.stream().filter(d -> d.path("kind").asText().equals("KafkaTopic"))
                .map(d -> d.at("/metadata/name").asText())).containsExactlyInAnyOrder("logistics.events",
                        "logistics.outbound");
        assertThat(only(production, "ConfigMap", "logisync-settings").at("/data/LOGISYNC_BUS").asText())
                .isEqualTo("kafka");
        assertThat(kinds(render("overlays/demo"))).doesNotContain("HorizontalPodAutoscaler", "KafkaTopic");
    }

    @Test
    void shouldRunEveryRouteAndDeployEveryKameletAndPipeOnCamelK() throws Exception {
        List<JsonNode> rendered = render("camel-k");
        JsonNode integration = only(rendered, "Integration");
        List<String> sources = new ArrayList<>();
        integration.at("/spec/sources").forEach(s -> sources.add(s.path("contentKey").asText()));

        assertThat(sources).containsExactlyInAnyOrderElementsOf(routeFiles().keySet());
        assertThat(routes(only(rendered, "ConfigMap", "logisync-routes"))).isEqualTo(routeFiles());
        List<String> kamelets = rendered.stream().filter(d -> d.path("kind").asText().equals("Kamelet"))
                .map(d -> d.at("/metadata/name").asText()).toList();
        List<String> pipes = rendered.stream().filter(d -> d.path("kind").asText().equals("Pipe"))
                .map(d -> d.at("/metadata/name").asText()).toList();
        assertThat(kamelets).containsExactlyInAnyOrderElementsOf(names(Path.of("kamelets"), "Kamelet"));
        assertThat(pipes).containsExactlyInAnyOrderElementsOf(names(Path.of("routes", "carriers"), "Pipe"));
    }

    @Test
    void shouldNameAMisspeltFieldAndAWrongValue() throws IOException {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: logisync
                spec:
                  replica: 3
                  template:
                    spec:
                      containers:
                        - name: logisync
                          image: logisync:0.1.0
                          readinesProbe:
                            httpGet:
                              path: /observe/health
                              port: management
                """;
        String integration = """
                apiVersion: camel.apache.org/v1
                kind: Integration
                metadata:
                  name: logisync
                spec:
                  sources:
                    - name: ingress.camel.yaml
                      contentReference: logisync-routes
                """;
        String topic = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: logistics.events
                spec:
                  partitions: twelve
                """;

        assertThat(check(deployment)).containsExactlyInAnyOrder(
                "test apps/v1/Deployment logisync: unknown field 'replica' at .spec",
                "test apps/v1/Deployment logisync: unknown field 'readinesProbe' at .spec.template.spec"
                        + ".containers[0]");
        assertThat(check(integration)).singleElement().asString()
                .contains("unknown field 'contentReference' at .spec.sources[0]");
        assertThat(check(topic)).singleElement().asString().contains("twelve");
        assertThat(check("apiVersion: v1\nkind: Servce\nmetadata:\n  name: logisync\n")).singleElement()
                .asString().contains("kind v1/Servce is not one logisync ships");
    }

    private static List<String> check(String yaml) throws IOException {
        return ManifestChecker.problems("test", ManifestChecker.documents(yaml).get(0));
    }

    /** The manifests as written: k8s/ (but the kustomizations themselves), the Kamelets and the carrier Pipes. */
    private static List<Path> manifestFiles() throws IOException {
        List<Path> answer = new ArrayList<>(yamlFiles(K8S).stream()
                .filter(p -> !p.getFileName().toString().equals("kustomization.yaml")).toList());
        answer.addAll(withKind(yamlFiles(Path.of("kamelets"))));
        answer.addAll(withKind(yamlFiles(Path.of("routes", "carriers"))));
        return answer;
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .toList();
        }
    }

    /** Files whose documents are Kubernetes resources (carriers may keep mapping files beside their Pipes). */
    private static List<Path> withKind(List<Path> files) throws IOException {
        List<Path> answer = new ArrayList<>();
        for (Path file : files) {
            if (ManifestChecker.documents(Files.readString(file)).stream().anyMatch(d -> d.has("kind"))) {
                answer.add(file);
            }
        }
        return answer;
    }

    private static List<String> names(Path dir, String kind) throws IOException {
        List<String> answer = new ArrayList<>();
        for (Path file : withKind(yamlFiles(dir))) {
            ManifestChecker.documents(Files.readString(file)).stream()
                    .filter(d -> d.path("kind").asText().equals(kind))
                    .forEach(d -> answer.add(d.at("/metadata/name").asText()));
        }
        return answer;
    }

    /** Renders a kustomization with kubectl's kustomize; the routes come from outside k8s/, hence the restrictor. */
    private static List<JsonNode> render(String dir) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone",
                    K8S.resolve(dir).toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            // every file is still checked on its own by shouldMatchEveryManifestFileToItsKind
            Assumptions.abort("kubectl is not on this machine, so k8s/" + dir + " is not rendered (kubectl kustomize)"
                    + " and the checks of rendered manifests are skipped: " + e.getMessage());
            throw new IllegalStateException("not reached", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize k8s/%s: %s", dir, output).isZero();
        return ManifestChecker.documents(output);
    }

    private static Map<String, String> routeFiles() throws IOException {
        Map<String, String> answer = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                answer.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return answer;
    }

    private static Map<String, String> routes(JsonNode configMap) {
        Map<String, String> answer = new TreeMap<>();
        configMap.path("data").fields().forEachRemaining(e -> answer.put(e.getKey(), e.getValue().asText()));
        return answer;
    }

    private static List<String> kinds(List<JsonNode> documents) {
        return documents.stream().map(d -> d.path("kind").asText()).toList();
    }

    private static JsonNode only(List<JsonNode> documents, String kind) {
        List<JsonNode> found = documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static JsonNode only(List<JsonNode> documents, String kind, String namePrefix) {
        List<JsonNode> found = documents.stream().filter(d -> d.path("kind").asText().equals(kind)
                && d.at("/metadata/name").asText().startsWith(namePrefix)).toList();
        assertThat(found).as(kind + " " + namePrefix).hasSize(1);
        return found.get(0);
    }
}
