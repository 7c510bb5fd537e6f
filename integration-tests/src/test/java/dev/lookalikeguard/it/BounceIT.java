package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.james.utils.TestIMAPClient;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sample configuration as shipped, through SMTP, on a real James: look-alikes scoring 75 and up (certain and likely)
 * are bounced, possible ones (60 to 74) held for an administrator.
 */
class BounceIT {
    private static final ConditionFactory AWAIT = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));

    @RegisterExtension
    static final GuardExtension<LoopbackReceiver> GUARD = GuardExtension.sample();

    private GuardServer james;
    private LoopbackReceiver receiver;
    private TestIMAPClient imap;

    @BeforeEach
    void clean() throws Exception {
        james = GUARD.james();
        receiver = GUARD.receiver();
        receiver.reset();
        imap = new TestIMAPClient();
        imap.connect("127.0.0.1", james.imapPort()).login(GuardServer.SENDER, GuardServer.PASSWORD).select("INBOX");
        imap.sendCommand("STORE 1:* +FLAGS (\\Deleted)");
        imap.expunge();
    }

    @AfterEach
    void closeImap() throws Exception {
        imap.close();
    }

    @Test
    void aMailToALookalikeComesBackToTheSenderNamingTheRealDomainAndNeverLeaves() throws Exception {
        james.send("Travel plans", "j.doe@army.ml");

        imap.awaitMessageCount(AWAIT, 1);
        String notice = imap.readFirstMessage();
        assertThat(notice)
            .contains("Subject: Message not sent: did you mean army.mil?")
            .contains("multipart/report").contains("report-type=delivery-status")
            .contains("Did you mean:  j.doe@army.mil ?")
            .contains("army.ml looks like army.mil")
            .contains("Final-Recipient: rfc822; j.doe@army.ml")
            .contains("Status: 5.7.1")
            .contains("From: Mail Delivery System <postmaster@guard.test>");
        Settle.holdsFor(Duration.ofSeconds(1), () -> assertThat(receiver.messages()).isEmpty());
    }

    @Test
    void mixedRecipientsAreSplitTheRealOneDeliveredTheLookalikeBounced() throws Exception {
        james.send("Mixed", "a@army.mil", "b@army.ml", "c@example.com");

        AWAIT.until(() -> receiver.messages().size() == 2);
        imap.awaitMessageCount(AWAIT, 1);
        assertThat(receiver.deliveredTo("a@army.mil")).hasSize(1);
        assertThat(receiver.deliveredTo("c@example.com")).hasSize(1);
        assertThat(receiver.deliveredTo("b@army.ml")).isEmpty();
        String notice = imap.readFirstMessage();
        assertThat(notice).contains("Final-Recipient: rfc822; b@army.ml")
            .doesNotContain("Final-Recipient: rfc822; a@army.mil")
            .doesNotContain("Final-Recipient: rfc822; c@example.com");
    }

    @Test
    void cleanMailIsDeliveredUntouched() throws Exception {
        james.send("Hello", "friend@gmail.com", "ops@navy.mil");

        AWAIT.until(() -> receiver.messages().size() == 2);
        assertThat(receiver.messages()).allSatisfy(message ->
            assertThat(message.getHeader("X-Lookalike-Guard")).isNull());
        Settle.holdsFor(Duration.ofMillis(500), () -> assertThat(imap.getMessageCount("INBOX")).isZero());
    }

    @Test
    void everyTechniqueOfTheSampleIsStoppedOnTheWire() throws Exception {
        // "аrmy.mil" starts with U+0430 CYRILLIC SMALL LETTER A, sent in its xn-- form as SMTP requires
        james.send("Lookalikes", "a@defnese.gov", "b@usarmymil.com", "c@xn--rmy-5cd.mil", "d@nasa.shop");

        imap.awaitMessageCount(AWAIT, 1);
        String notice = imap.readFirstMessage();
        assertThat(notice).contains("Final-Recipient: rfc822; a@defnese.gov")
            .contains("Final-Recipient: rfc822; b@usarmymil.com")
            .contains("Final-Recipient: rfc822; c@xn--rmy-5cd.mil")
            .contains("Final-Recipient: rfc822; d@nasa.shop")
            .contains("(transposition)").contains("(doppelganger)").contains("(homoglyph)").contains("(suffix-swap)");
        Settle.holdsFor(Duration.ofMillis(500), () -> assertThat(receiver.messages()).isEmpty());
    }

    @Test
    void aPossibleLookalikeIsHeldForAnAdministratorNotBounced() throws Exception {
        // army.com scores 71 (suffix-swap): the possible band, which the sample holds
        james.send("Possible", "j.doe@army.com", "k.roe@army.ml");

        imap.awaitMessageCount(AWAIT, 1);
        assertThat(imap.readFirstMessage()).contains("Final-Recipient: rfc822; k.roe@army.ml")
            .doesNotContain("Final-Recipient: rfc822; j.doe@army.com");
        AWAIT.until(() -> heldPossible().size() == 1);
        JsonNode held = heldPossible().get(0);
        assertThat(held.get("recipients").get(0).get("address").asText()).isEqualTo("j.doe@army.com");
        assertThat(held.get("recipients").get(0).get("band").asText()).isEqualTo("possible");
        Settle.holdsFor(Duration.ofSeconds(1), () -> {
            assertThat(receiver.messages()).isEmpty();
            assertThat(imap.getMessageCount("INBOX")).isEqualTo(1);
        });
        james.webAdmin("DELETE", "/lookalike/quarantine/" + held.get("key").asText());
    }

    /** What the possible band's guard holds (its own quarantine). */
    private List<JsonNode> heldPossible() throws Exception {
        List<JsonNode> held = new ArrayList<>();
        for (JsonNode mail : james.webAdmin("GET", "/lookalike/quarantine").get("mails")) {
            if (mail.get("repository").asText().endsWith("var/mail/quarantine-possible")) {
                held.add(mail);
            }
        }
        return held;
    }
}
