package io.logisync.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

    private static final String ANNA_KEY = "anna-operator-key-0001";
    private static final String LEE_KEY = "lee-admin-key-00000002";

    @TempDir
    Path dir;

    @Test
    void shouldFindWhoHoldsAKeyGivenHashedOrPlain() {
        CredentialStore store = CredentialStore.of("anna operator sha256:" + CredentialStore.sha256Hex(ANNA_KEY)
                + "; lee admin,approver " + LEE_KEY, "tms/main=tms-ingest-key-000001", null);

        assertThat(store.byKey(ANNA_KEY)).hasValue(new Principal("anna", Set.of("operator")));
        assertThat(store.byKey(LEE_KEY).get().roles()).containsExactlyInAnyOrder("admin", "approver");
        assertThat(store.byKey("tms-ingest-key-000001").get().ingestSources()).containsExactly("tms/main");
        assertThat(store.byKey("anna-operator-key-0002")).isEmpty();
        assertThat(store.byKey("")).isEmpty();
    }

    @Test
    void shouldTakeBasicCredentialsOnlyUnderTheKeysOwnName() {
        CredentialStore store = CredentialStore.of("anna operator " + ANNA_KEY, "", null);

        assertThat(store.byNameAndKey("anna", ANNA_KEY)).isPresent();
        assertThat(store.byNameAndKey("lee", ANNA_KEY)).isEmpty();
    }

    @Test
    void shouldGiveAnAdminTheOperatorsRightsButNotTheApprovers() {
        Principal admin = new Principal("lee", Set.of("admin"));

        assertThat(admin.has(Roles.OPERATOR)).isTrue();
        assertThat(admin.has(Roles.ADMIN)).isTrue();
        assertThat(admin.has(Roles.APPROVER)).isFalse();
        assertThat(new Principal("anna", Set.of("operator")).has(Roles.ADMIN)).isFalse();
    }

    @Test
    void shouldNameTheBadEntryButNeverItsKey() {
        assertThatThrownBy(() -> CredentialStore.of("anna operator " + ANNA_KEY + "; lee boss " + LEE_KEY, "", null))
                .hasMessageContaining("entry 2").hasMessageContaining("lee").hasMessageContaining("'boss'")
                .hasMessageNotContaining(LEE_KEY);
        assertThatThrownBy(() -> CredentialStore.of("anna operator short-key", "", null))
                .hasMessageContaining("at least 16 characters").hasMessageNotContaining("short-key");
        assertThatThrownBy(() -> CredentialStore.of("anna operator", "", null))
                .hasMessageContaining("'<name> <roles> <key>'");
    }

    @Test
    void shouldReadARotatedFileAtOnceAndKeepTheLastGoodContentWhenTheFileBreaks() throws Exception {
        Path file = dir.resolve("credentials");
        replace(file, "anna operator " + ANNA_KEY + "\n");
        CredentialStore store = CredentialStore.of("", "", file);
        assertThat(store.byKey(ANNA_KEY)).isPresent();

        replace(file, "# rotated\nanna operator " + LEE_KEY + "\n");

        assertThat(store.byKey(LEE_KEY)).isPresent();
        assertThat(store.byKey(ANNA_KEY)).isEmpty();

        replace(file, "anna operator\n");

        assertThat(store.byKey(LEE_KEY)).as("a broken file keeps the last good credentials").isPresent();
    }

    private static void replace(Path file, String content) throws Exception {
        Path next = file.resolveSibling("next");
        Files.writeString(next, content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
