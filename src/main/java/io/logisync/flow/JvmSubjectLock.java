package io.logisync.flow;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks inside one JVM: two subjects may share a stripe, which only costs them some concurrency. The locks
 * are fair: events waiting for a stripe take it in the order they came to it, so a later event of a subject does not
 * overtake an earlier one, and none waits behind an endless run of newcomers (a stripe is held while its event's
 * move waits for its batch, seconds under a slow Odoo).
 */
public final class JvmSubjectLock implements SubjectLock {

    private final ReentrantLock[] stripes;

    public JvmSubjectLock(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("logisync.ordering.stripes must be at least 1, but was " + count);
        }
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    @Override
    public void runLocked(String subject, Runnable work) {
        ReentrantLock lock = stripes[Math.floorMod(subject.hashCode(), stripes.length)];
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }
}
