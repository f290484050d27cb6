package io.logisync.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.logisync.runtime.Storage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two replicas, each with its own pool on one database, never hold one subject's lock at once. */
class DatabaseSubjectLockTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @ParameterizedTest
    @EnumSource(DatabaseSubjectLock.Kind.class)
    void shouldMakeASecondReplicaWaitForTheSubjectButNotForAnother(DatabaseSubjectLock.Kind kind) throws Exception {
        boolean advisory = kind == DatabaseSubjectLock.Kind.ADVISORY;
        String url = advisory ? postgres.getJdbcUrl("postgres", "postgres")
                : "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String user = advisory ? "postgres" : "sa";
        try (Storage storage = Storage.open(url, user, "", 2); HikariDataSource poolA = pool(url, user);
                HikariDataSource poolB = pool(url, user)) {
            DatabaseSubjectLock replicaA = new DatabaseSubjectLock(poolA, kind);
            DatabaseSubjectLock replicaB = new DatabaseSubjectLock(poolB, kind);
            CountDownLatch aHolds = new CountDownLatch(1);
            CountDownLatch aMayFinish = new CountDownLatch(1);
            AtomicBoolean bRan = new AtomicBoolean();
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> replicaA.runLocked("L-1", () -> {
                aHolds.countDown();
                awaitQuietly(aMayFinish);
            }));
            assertThat(aHolds.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> replicaB.runLocked("L-1",
                    () -> bRan.set(true)));
            // another subject is not held up by L-1
            replicaB.runLocked("L-2", () -> { });

            // B still waits for L-1 after its other subject went through; it runs once A lets go
            assertThat(bRan).isFalse();
            assertThat(b).isNotDone();
            aMayFinish.countDown();
            a.get(10, TimeUnit.SECONDS);
            b.get(10, TimeUnit.SECONDS);
            assertThat(bRan).isTrue();
        }
    }

    private static HikariDataSource pool(String url, String user) {
        HikariDataSource answer = new HikariDataSource();
        answer.setJdbcUrl(url);
        answer.setUsername(user);
        answer.setMaximumPoolSize(2);
        answer.setConnectionInitSql(url.startsWith("jdbc:h2:") ? "SET LOCK_TIMEOUT 20000"
                : "SET lock_timeout = 20000");
        return answer;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
