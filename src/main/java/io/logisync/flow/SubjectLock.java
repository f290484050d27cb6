package io.logisync.flow;

/** Keeps one subject's work to one thread at a time, in this JVM or across every replica on one database. */
public interface SubjectLock {

    /** Runs the work while holding the subject's lock, waiting for it as long as another holder keeps it. */
    void runLocked(String subject, Runnable work);
}
