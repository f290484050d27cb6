package io.logisync.flow;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Hands an event on while holding a lock on its subject, so the events of one shipment or one customer are taken
 * one at a time, in the order they arrive, and a duplicate sent at the same moment is seen as one. Every instance
 * built on the same {@link SubjectLock} excludes the others: in one JVM, or across replicas on one database.
 */
public class SubjectOrdering implements Processor {

    private final SubjectLock lock;
    private final ProducerTemplate producer;
    private final String targetUri;

    public SubjectOrdering(SubjectLock lock, ProducerTemplate producer, String targetUri) {
        this.lock = lock;
        this.producer = producer;
        this.targetUri = targetUri;
    }

    @Override
    public void process(Exchange exchange) {
        String subject = exchange.getMessage().getHeader(EventHeaders.SUBJECT, "", String.class);
        lock.runLocked(subject, () -> producer.send(targetUri, exchange));
    }
}
