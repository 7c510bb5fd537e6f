package dev.lookalikeguard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lookalikeguard.testing.MemoryStores;

/** {@link GuardRegistry#claimQuarantine}: one folder, one guard, however its URL is written. */
class QuarantineClaimTest {
    /** James's file system resolves a relative path under its working directory (here, the JVM's). */
    private static final Path WORKING = Path.of(System.getProperty("working.directory", System.getProperty("user.dir")));

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file://var/mail/quarantine", "file://ABSOLUTE/var/mail/quarantine",
        "file://ABSOLUTE/var/mail/../mail/quarantine", "file://../PARENT/var/mail/quarantine"})
    void aSecondClaimOfTheSameFolderIsRefused(String spelling) throws Exception {
        GuardRegistry registry = MemoryStores.registry();
        String url = spelling.replace("ABSOLUTE", WORKING.toString())
            .replace("PARENT", String.valueOf(WORKING.getFileName()));

        assertThat(registry.claimQuarantine(MailRepositoryUrl.from("file://var/mail/quarantine/"))).isTrue();
        assertThat(registry.claimQuarantine(MailRepositoryUrl.from(url))).isFalse();
        assertThat(registry.claimQuarantine(MailRepositoryUrl.from("file://var/mail/quarantine-possible"))).isTrue();
    }
}
