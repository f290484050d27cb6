package io.logisync.flow;

import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Hands an event to the domain routes while holding a lock on its subject, so the events of one shipment or one
 * customer are applied one at a time, in the order they arrive. Locks are striped: two subjects may share one.
 */
public class SubjectOrdering implements Processor {

    private final ReentrantLock[] stripes;
    private final ProducerTemplate producer;
    private final String dispatchUri;

    public SubjectOrdering(ProducerTemplate producer, String dispatchUri, int stripeCount) {
        this.producer = producer;
        this.dispatchUri = dispatchUri;
        this.stripes = new ReentrantLock[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public void process(Exchange exchange) {
        String subject = exchange.getMessage().getHeader(EventHeaders.SUBJECT, "", String.class);
        ReentrantLock lock = stripes[Math.floorMod(subject.hashCode(), stripes.length)];
        lock.lock();
        try {
            producer.send(dispatchUri, exchange);
        } finally {
            lock.unlock();
        }
    }
}
