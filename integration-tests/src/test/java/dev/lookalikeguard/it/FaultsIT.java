package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** Failures never lose a mail: it ends held, or in James's error handling, and is not delivered. */
class FaultsIT {
    private static final ConditionFactory AWAIT = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    private static final String ERRORS = "/mailRepositories/var%2Fmail%2Ferror/mails";

    @RegisterExtension
    final GuardExtension<LoopbackReceiver> guard = GuardExtension.startedByTheTest();

    private GuardServer james;

    @Test
    void anExceptionInDetectionHoldsTheMailFailClosed() throws Exception {
        james = guard.start(sample -> sample.matcherClass("dev.lookalikeguard.it.ExplodingRecipientIsLookalike"));
        LoopbackReceiver receiver = guard.receiver();

        james.send("Fault", "j.doe@boom.example", "ok@navy.mil");

        AWAIT.until(() -> james.quarantinedKeys().size() == 1);
        JsonNode held = james.webAdmin("GET", "/mailRepositories/var%2Fmail%2Fquarantine/mails/"
            + james.quarantinedKeys().get(0));
        assertThat(held.get("recipients").toString()).contains("j.doe@boom.example").doesNotContain("navy.mil");
        assertThat(held.get("error").asText()).contains("the look-alike check failed");
        AWAIT.until(() -> receiver.deliveredTo("ok@navy.mil").size() == 1);
        assertThat(receiver.deliveredTo("j.doe@boom.example")).isEmpty();
    }

    @Test
    void aQuarantineThatFailsAtHoldTimeLeavesTheMailInJamesErrorRepository() throws Exception {
        james = guard.start(sample -> sample.action("hold"));
        LoopbackReceiver receiver = guard.receiver();
        breakQuarantine(james.workingDirectory());

        james.send("Fault", "j.doe@army.ml");

        AWAIT.until(() -> errorKeys().size() == 1);
        JsonNode failed = james.webAdmin("GET", ERRORS + "/" + errorKeys().get(0) + "?additionalFields=attributes");
        assertThat(failed.get("recipients").toString()).contains("j.doe@army.ml");
        assertThat(failed.get("attributes").toString()).as("not marked as released")
            .doesNotContain("dev.lookalikeguard.held").contains("dev.lookalikeguard.verdicts");
        Settle.holdsFor(Duration.ofSeconds(1), () -> assertThat(receiver.deliveredTo("j.doe@army.ml")).isEmpty());
    }

    private List<String> errorKeys() throws Exception {
        JsonNode keys = james.webAdmin("GET", ERRORS);
        List<String> result = new java.util.ArrayList<>();
        keys.forEach(key -> result.add(key.asText()));
        return result;
    }

    /** A real fault: the quarantine's folder replaced by a plain file, so storing a mail there fails. */
    static void breakQuarantine(Path workingDirectory) throws Exception {
        Path quarantine = workingDirectory.resolve("var/mail/quarantine");
        GuardServer.delete(quarantine);
        Files.createDirectories(quarantine.getParent());
        Files.writeString(quarantine, "not a directory");
    }
}
