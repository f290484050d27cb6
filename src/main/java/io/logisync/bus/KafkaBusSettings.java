package io.logisync.bus;

/** Where and how the Kafka bus runs: brokers, topics, the consumer group and its consumers per replica. */
public record KafkaBusSettings(String brokers, String eventsTopic, String outboundTopic, String groupId,
        int consumers, int maxPollRecords) {

    public KafkaBusSettings {
        if (consumers < 1) {
            throw new IllegalStateException("logisync.kafka.consumers must be at least 1, but was " + consumers);
        }
        if (maxPollRecords < 1) {
            throw new IllegalStateException("logisync.kafka.max-poll-records must be at least 1, but was "
                    + maxPollRecords);
        }
    }
}
