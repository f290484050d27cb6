package io.logisync.flow;

/**
 * The JVM's stripe first, then the database's lock: threads of one replica queue on the cheap lock, so only one of
 * them per stripe holds a database connection while it waits for another replica.
 */
public final class LayeredSubjectLock implements SubjectLock {

    private final SubjectLock local;
    private final SubjectLock shared;

    public LayeredSubjectLock(SubjectLock local, SubjectLock shared) {
        this.local = local;
        this.shared = shared;
    }

    @Override
    public void runLocked(String subject, Runnable work) {
        local.runLocked(subject, () -> shared.runLocked(subject, work));
    }
}
