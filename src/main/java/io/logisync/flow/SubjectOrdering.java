package io.logisync.flow;

import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Hands an event on while holding a lock on its subject, so the events of one shipment or one customer are taken
 * one at a time, in the order they arrive, and a duplicate sent at the same moment is seen as one. Locks are
 * striped: two subjects may share one, and every instance built on the same stripes shares them.
 */
public class SubjectOrdering implements Processor {

    private final ReentrantLock[] stripes;
    private final ProducerTemplate producer;
    private final String targetUri;

    public SubjectOrdering(ReentrantLock[] stripes, ProducerTemplate producer, String targetUri) {
        this.stripes = stripes;
        this.producer = producer;
        this.targetUri = targetUri;
    }

    /** Lock stripes to share between the instances that must exclude each other. */
    public static ReentrantLock[] stripes(int count) {
        ReentrantLock[] answer = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            answer[i] = new ReentrantLock();
        }
        return answer;
    }

    @Override
    public void process(Exchange exchange) {
        String subject = exchange.getMessage().getHeader(EventHeaders.SUBJECT, "", String.class);
        ReentrantLock lock = stripes[Math.floorMod(subject.hashCode(), stripes.length)];
        lock.lock();
        try {
            producer.send(targetUri, exchange);
        } finally {
            lock.unlock();
        }
    }
}
