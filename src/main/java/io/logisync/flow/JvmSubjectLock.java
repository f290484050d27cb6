package io.logisync.flow;

import java.util.concurrent.locks.ReentrantLock;

/** Striped locks inside one JVM: two subjects may share a stripe, which only costs them some concurrency. */
public final class JvmSubjectLock implements SubjectLock {

    private final ReentrantLock[] stripes;

    public JvmSubjectLock(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("logisync.ordering.stripes must be at least 1, but was " + count);
        }
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock();
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
