package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.apache.james.utils.TestIMAPClient;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Learned correspondents on a real James, from the sample configuration with a small threshold (2 days, 2 senders)
 * and a clock the test moves by a day: the partner's domain is learned from the mail that passed the guard, a
 * look-alike of it is then bounced with the suggestion, the learned name survives a restart, and an admin's forget
 * lets the look-alike pass again.
 */
class LearningIT {
    private static final ConditionFactory AWAIT = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    private static final String MAJOR = "major@" + GuardServer.DOMAIN;
    private static final String PARTNER = "lockheedmartin.com";
    private static final String LOOKALIKE = "lockheedmartn.com";

    /** The server's clock: the time now, plus what the test moved it by. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    private final MovableClock clock = new MovableClock();

    @RegisterExtension
    GuardExtension<LoopbackReceiver> guard = GuardExtension.configured(james -> james.users(MAJOR).clock(clock)
        .learning("2 days, 2 senders", "1h", "1h"));

    private GuardServer james() {
        return guard.james();
    }

    private LoopbackReceiver receiver() {
        return guard.receiver();
    }

    private JsonNode record(String domain) throws Exception {
        return james().webAdmin("GET", "/lookalike/learned/" + domain);
    }

    /** Sends, and waits until the mail went out (so it passed the counting mailet). */
    private void deliver(String from, String recipient) throws Exception {
        int before = receiver().deliveredTo(recipient).size();
        james().sendFrom(from, "Contract", recipient);
        AWAIT.until(() -> receiver().deliveredTo(recipient).size() == before + 1);
    }

    /** Two senders, two days: the partner is learned. */
    private void learnThePartner() throws Exception {
        deliver(GuardServer.SENDER, "buyer@" + PARTNER);
        deliver(MAJOR, "sales@" + PARTNER);
        assertThat(record(PARTNER).get("status").asText()).as("one day is below the threshold").isEqualTo("counting");
        clock.advance(Duration.ofDays(1));
        deliver(GuardServer.SENDER, "buyer@" + PARTNER);
        JsonNode learned = record(PARTNER);
        assertThat(learned.get("status").asText()).isEqualTo("learned");
        assertThat(learned.get("recipients").asInt()).isEqualTo(3);
        assertThat(learned.get("days").asInt()).isEqualTo(2);
        assertThat(learned.get("senders").asInt()).isEqualTo(2);
    }

    private String awaitNotice() throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", james().imapPort()).login(GuardServer.SENDER, GuardServer.PASSWORD).select("INBOX");
            imap.awaitMessageCount(AWAIT, 1);
            String notice = imap.readFirstMessage();
            imap.sendCommand("STORE 1:* +FLAGS (\\Deleted)");
            imap.expunge();
            return notice;
        }
    }

    @Test
    void belowTheThresholdALookalikePassesAtItTheLookalikeOfTheLearnedPartnerIsBouncedWithTheSuggestion() throws Exception {
        deliver(GuardServer.SENDER, "typo@" + LOOKALIKE);
        assertThat(record(LOOKALIKE).get("status").asText()).isEqualTo("counting");

        learnThePartner();
        james().send("Contract", "typo@" + LOOKALIKE);

        String notice = awaitNotice();
        assertThat(notice).contains("Subject: Message not sent: did you mean " + PARTNER + "?")
            .contains("Did you mean:  typo@" + PARTNER + " ?")
            .contains(LOOKALIKE + " looks like " + PARTNER + ", a domain this organisation writes to")
            .contains("(learned-name");
        Settle.holdsFor(Duration.ofMillis(500), () -> assertThat(receiver().deliveredTo("typo@" + LOOKALIKE))
            .as("only the mail sent before the partner was learned").hasSize(1));
        assertThat(record(LOOKALIKE).get("recipients").asInt()).as("a stopped look-alike is not counted").isEqualTo(1);
    }

    @Test
    void countsWrittenWhenJamesStopsAreStillThereAfterARestart() throws Exception {
        deliver(GuardServer.SENDER, "buyer@" + PARTNER);
        deliver(MAJOR, "sales@" + PARTNER);
        clock.advance(Duration.ofDays(1));
        deliver(GuardServer.SENDER, "buyer@" + PARTNER);
        // No WebAdmin call before the stop (it would write the counts): only the flush on stop writes them.
        guard.restart();

        assertThat(record(PARTNER).get("status").asText()).isEqualTo("learned");
        assertThat(record(PARTNER).get("recipients").asInt()).isEqualTo(3);
        james().send("After restart", "typo@" + LOOKALIKE);
        assertThat(awaitNotice()).contains("did you mean " + PARTNER + "?");
    }

    @Test
    void afterAnAdminForgetsThePartnerItsLookalikePassesAndThePartnerIsLearnedAgainFromNothing() throws Exception {
        learnThePartner();

        james().webAdmin("DELETE", "/lookalike/learned/" + PARTNER);
        assertThat(james().webAdminResponse("GET", "/lookalike/learned/" + PARTNER).statusCode()).isEqualTo(404);
        deliver(GuardServer.SENDER, "typo@" + LOOKALIKE);

        deliver(GuardServer.SENDER, "buyer@" + PARTNER);
        assertThat(record(PARTNER).get("recipients").asInt()).isEqualTo(1);
        assertThat(record(PARTNER).get("status").asText()).isEqualTo("counting");
    }

    @Test
    void aPinnedPartnerIsProtectedAtOnceAndTheSeedAndExportRoundTrip() throws Exception {
        james().webAdmin("PUT", "/lookalike/learned/" + PARTNER);
        james().send("Contract", "typo@" + LOOKALIKE);
        assertThat(awaitNotice()).contains("did you mean " + PARTNER + "?");

        assertThat(james().webAdmin("GET", "/lookalike/learned/export").toString()).isEqualTo("[\"" + PARTNER + "\"]");
    }
}
