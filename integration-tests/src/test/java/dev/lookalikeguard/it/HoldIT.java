package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** action=hold: the mail waits in the file-backed quarantine until an admin releases it through WebAdmin. */
class HoldIT {
    private static final ConditionFactory AWAIT = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    private static final String QUARANTINE = "/mailRepositories/var%2Fmail%2Fquarantine/mails";

    @RegisterExtension
    static final GuardExtension<LoopbackReceiver> GUARD = GuardExtension.configured(james -> james.action("hold"));

    private static GuardServer james;
    private static LoopbackReceiver receiver;

    @BeforeEach
    void empty() throws Exception {
        james = GUARD.james();
        receiver = GUARD.receiver();
        receiver.reset();
        james.webAdmin("DELETE", QUARANTINE);
    }

    @Test
    void theMailIsHeldWithItsVerdictsAndNothingLeaves() throws Exception {
        james.send("Medical records", "j.doe@army.ml", "ok@navy.mil");

        AWAIT.until(() -> james.quarantinedKeys().size() == 1);
        String key = james.quarantinedKeys().get(0);
        JsonNode held = james.webAdmin("GET", QUARANTINE + "/" + key + "?additionalFields=attributes");
        assertThat(held.get("recipients").toString()).contains("j.doe@army.ml").doesNotContain("ok@navy.mil");
        assertThat(held.get("sender").asText()).isEqualTo(GuardServer.SENDER);
        assertThat(held.get("error").asText()).contains("army.ml looks like army.mil");
        assertThat(held.get("attributes").toString())
            .contains("dev.lookalikeguard.verdicts").contains("army.mil").contains("suffix-edit");
        AWAIT.until(() -> receiver.deliveredTo("ok@navy.mil").size() == 1);
        assertThat(receiver.deliveredTo("j.doe@army.ml")).isEmpty();
    }

    @Test
    void aReleasedMailIsDeliveredExactlyOnceAndNotHeldAgain() throws Exception {
        james.send("Orders", "j.doe@army.ml");
        AWAIT.until(() -> james.quarantinedKeys().size() == 1);
        String key = james.quarantinedKeys().get(0);

        releaseWithJamesRoute(QUARANTINE + "/" + key + "?action=reprocess&processor=relay");

        assertDeliveredOnceAndNoLongerHeld("j.doe@army.ml");
    }

    @Test
    void aMailReleasedWithoutNamingAProcessorIsStillNotHeldAgain() throws Exception {
        james.send("Orders", "j.doe@army.ml");
        AWAIT.until(() -> james.quarantinedKeys().size() == 1);

        releaseWithJamesRoute(QUARANTINE + "?action=reprocess");

        assertDeliveredOnceAndNoLongerHeld("j.doe@army.ml");
    }

    private static void releaseWithJamesRoute(String path) throws Exception {
        JsonNode task = james.webAdmin("PATCH", path);
        james.webAdmin("GET", "/tasks/" + task.get("taskId").asText() + "/await");
    }

    private static void assertDeliveredOnceAndNoLongerHeld(String recipient) throws Exception {
        AWAIT.until(() -> receiver.deliveredTo(recipient).size() == 1);
        Settle.holdsFor(Duration.ofMillis(1500), () -> assertThat(receiver.deliveredTo(recipient)).hasSize(1));
        assertThat(james.quarantinedKeys()).isEmpty();
    }

    @Test
    void aMailWithoutSenderIsHeldRatherThanBounced() throws Exception {
        List<String> before = james.quarantinedKeys();

        try (org.apache.james.utils.SMTPMessageSender sender = new org.apache.james.utils.SMTPMessageSender("guard.test")) {
            sender.connect("127.0.0.1", org.apache.james.util.Port.of(james.smtpPort()))
                .sendMessageNoSender("j.doe@army.ml");
        }

        AWAIT.until(() -> james.quarantinedKeys().size() == before.size() + 1);
        assertThat(receiver.messages()).isEmpty();
    }
}
