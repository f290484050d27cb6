package io.logisync.bus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The endpoint URIs the routes name through properties ({@code logisync.bus.events-out}, {@code events-in},
 * {@code outbound-out}), worked out from {@code logisync.bus}, so one set of route files serves both buses.
 */
public final class BusEndpoints {

    /** The in-JVM endpoint between the door and the domain routes on the direct bus. */
    static final String DIRECT_EVENTS = "direct:take-event";
    /** Outbound events on the direct bus have no topic: they are only logged, without their data. */
    static final String DIRECT_OUTBOUND = "log:io.logisync.outbound?level=DEBUG&showBody=false";

    private BusEndpoints() {
    }

    /** The three properties for the bus; Kafka's consumer commits by hand, so nothing is acknowledged early. */
    public static Map<String, String> properties(Bus bus, KafkaBusSettings kafka) {
        Map<String, String> answer = new LinkedHashMap<>();
        if (bus == Bus.DIRECT) {
            answer.put("logisync.bus.events-out", DIRECT_EVENTS);
            answer.put("logisync.bus.events-in", DIRECT_EVENTS);
            answer.put("logisync.bus.outbound-out", DIRECT_OUTBOUND);
            return answer;
        }
        String brokers = "brokers=" + kafka.brokers();
        // the door waits for the broker's acknowledgement of each event, so batching by lingering only delays it
        answer.put("logisync.bus.events-out", "kafka:" + kafka.eventsTopic() + "?" + brokers + "&lingerMs=0");
        answer.put("logisync.bus.events-in", "kafka:" + kafka.eventsTopic() + "?" + brokers
                + "&groupId=" + kafka.groupId()
                + "&consumersCount=" + kafka.consumers()
                + "&maxPollRecords=" + kafka.maxPollRecords()
                + "&autoOffsetReset=earliest"
                + "&autoCommitEnable=false"
                + "&allowManualCommit=true"
                + "&breakOnFirstError=true");
        answer.put("logisync.bus.outbound-out", "kafka:" + kafka.outboundTopic() + "?" + brokers);
        return answer;
    }
}
