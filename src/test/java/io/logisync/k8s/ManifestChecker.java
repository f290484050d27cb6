package io.logisync.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.v1.Integration;
import org.apache.camel.v1.Kamelet;
import org.apache.camel.v1.Pipe;

/**
 * Checks Kubernetes manifests against the typed models of their kinds (fabric8's Kubernetes model, Camel K's CRD
 * model, Strimzi's API): an unknown kind, a field the kind does not have, or a value of the wrong type is a problem,
 * named with its document and path.
 */
final class ManifestChecker {

    /** The kinds logisync ships, by apiVersion and kind. */
    static final Map<String, Class<?>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
            "camel.apache.org/v1/Integration", Integration.class,
            "camel.apache.org/v1/Kamelet", Kamelet.class,
            "camel.apache.org/v1/Pipe", Pipe.class);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestChecker() {
    }

    /** The documents of a YAML stream (several separated by ---), empty ones left out. */
    static List<JsonNode> documents(String yaml) throws java.io.IOException {
        List<JsonNode> answer = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    answer.add(node);
                }
            });
        }
        return answer;
    }

    /** Every problem of one document, each as "name: what"; empty when it matches its kind's model. */
    static List<String> problems(String where, JsonNode document) {
        String key = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        String name = where + " " + key + " " + document.path("metadata").path("name").asText("(no name)");
        Class<?> type = KINDS.get(key);
        if (type == null) {
            return List.of(name + ": kind " + key + " is not one logisync ships (" + KINDS.keySet() + ")");
        }
        if (document.path("metadata").path("name").asText().isEmpty()) {
            return List.of(name + ": metadata.name is required");
        }
        Object model;
        try {
            model = YAML.treeToValue(document, type);
        } catch (UnrecognizedPropertyException e) {
            return List.of(name + ": unknown field '" + e.getPropertyName() + "' at " + path(e));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return List.of(name + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        List<String> answer = new ArrayList<>();
        unknownFields(model, "", answer, new IdentityHashMap<>());
        return answer.stream().map(p -> name + ": unknown field " + p).toList();
    }

    private static String path(UnrecognizedPropertyException e) {
        StringBuilder answer = new StringBuilder();
        e.getPath().forEach(ref -> answer.append(ref.getFieldName() != null ? "." + ref.getFieldName()
                : "[" + ref.getIndex() + "]"));
        return answer.length() == 0 ? "." : answer.toString();
    }

    /**
     * fabric8's Kubernetes classes keep fields they do not know in {@code additionalProperties} instead of failing;
     * any entry there is a field the kind does not have.
     */
    private static void unknownFields(Object value, String path, List<String> answer, Map<Object, Boolean> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", answer, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, answer, seen));
            return;
        }
        String packageName = value.getClass().getPackageName();
        if (!packageName.startsWith("io.fabric8.") && !packageName.startsWith("org.apache.camel.v1")
                && !packageName.startsWith("io.strimzi.")) {
            return;
        }
        if (freeForm(value.getClass())) {
            return; // a Kamelet's template or a Pipe's properties: the CRD keeps whatever fields they hold
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if (field.getName().equals("additionalProperties") && fieldValue instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> answer.add("'" + k + "' at " + (path.isEmpty() ? "." : path)));
                } else {
                    unknownFields(fieldValue, path + "." + field.getName(), answer, seen);
                }
            }
        }
    }

    /** A model class with no field but additionalProperties stands for a schema that preserves unknown fields. */
    private static boolean freeForm(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.getName().equals("additionalProperties")) {
                return false;
            }
        }
        return type.getSuperclass() == Object.class;
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
