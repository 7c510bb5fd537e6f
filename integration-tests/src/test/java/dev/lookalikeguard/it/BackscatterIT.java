package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.lookalikeguard.james.LookalikeGuard;

/**
 * The guard tried as an outsider would use it to write to someone else (backscatter): the sample server, bouncing
 * look-alikes, with a local user whose forward was mistyped to a look-alike. An outsider cannot relay through the
 * server, but can write to that user with any {@code MAIL FROM}; the forward then sends the mail towards the
 * look-alike, and a notice would go to whatever sender the outsider wrote, carrying their subject and telling them
 * where the user's mail goes. The guard holds such mail for an administrator and writes to nobody; the same for mail a
 * trusted network relays with another domain's sender. A local sender is still told, as ever.
 */
class BackscatterIT {
    private static final ConditionFactory AWAIT = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    private static final String FORWARDING_USER = "alice@" + GuardServer.DOMAIN;
    private static final String VICTIM = "victim@example.org";
    /** Not in the sample's authorizedAddresses (127.0.0.1 only): SMTP does not relay for it. */
    private static final String OUTSIDE = "127.0.0.2";

    /** SmtpSink records notices too, which come from the null sender. */
    @RegisterExtension
    static final GuardExtension<SmtpSink> GUARD = GuardExtension.configured(james -> james.users(FORWARDING_USER))
        .receivingWith(SmtpSink::new);

    private static GuardServer james;
    private static SmtpSink receiver;

    @BeforeEach
    void reset() throws Exception {
        james = GUARD.james();
        receiver = GUARD.receiver();
        receiver.reset();
        james.webAdmin("PUT", "/address/forwards/" + FORWARDING_USER + "/targets/j.doe@army.ml");
        for (String key : james.quarantinedKeys()) {
            james.webAdmin("DELETE", "/lookalike/quarantine/" + key);
        }
    }

    @Test
    void anOutsiderCannotRelayToTheLookalikeItself() throws Exception {
        try (SmtpSession session = SmtpSession.from(james, OUTSIDE)) {
            assertThat(session.rcpt("j.doe@army.ml", VICTIM)).as("RCPT to a look-alike from outside").isFalse();
        }
    }

    /**
     * The rule "a notice goes only to a sender of this server's domains" needs SMTP to refuse a local sender from anyone
     * who did not authenticate and may not relay: the sample's {@code verifyIdentity} (README "Deployment").
     */
    @Test
    void anOutsiderCannotWriteAsALocalSender() throws Exception {
        try (SmtpSession session = SmtpSession.from(james, OUTSIDE)) {
            assertThat(session.accepted(FORWARDING_USER, GuardServer.SENDER)).as("MAIL FROM a local user, from outside").isFalse();
        }
    }

    @Test
    void anOutsidersMailForwardedToALookalikeIsHeldAndNothingIsWrittenToTheForgedSender() throws Exception {
        try (LogCapture log = LogCapture.of(LookalikeGuard.class);
             SmtpSession session = SmtpSession.from(james, OUTSIDE)) {
            assertThat(session.rcpt(FORWARDING_USER, VICTIM)).as("RCPT to the local user from outside").isTrue();
            session.data(VICTIM, FORWARDING_USER, "Cheap meds at http://spam.example/buy");

            AWAIT.until(() -> james.quarantinedKeys().size() == 1);
            Settle.holdsFor(Duration.ofSeconds(2), () -> assertThat(receiver.received()).as("nothing leaves the server")
                .isEmpty());
            assertThat(log.count("action=hold recipient_domain=army.ml")).isEqualTo(1);
            assertThat(log.count("action=bounce")).isZero();
            assertThat(log.count("sender's domain example.org is not one of this server's")).isEqualTo(1);
        }
    }

    @Test
    void mailATrustedNetworkRelaysWithAnotherDomainsSenderIsHeldWithoutNotice() throws Exception {
        try (SmtpSession session = SmtpSession.from(james, "127.0.0.1")) {
            assertThat(session.rcpt("j.doe@army.ml", VICTIM)).isTrue();
            session.data(VICTIM, "j.doe@army.ml", "Report");
        }

        AWAIT.until(() -> james.quarantinedKeys().size() == 1);
        Settle.holdsFor(Duration.ofSeconds(2), () -> assertThat(receiver.received()).isEmpty());
    }

    /** The notice goes to the local sender's own mailbox (BounceIT reads it); nothing leaves the server. */
    @Test
    void aLocalSenderIsStillToldAndNothingReachesTheLookalike() throws Exception {
        try (LogCapture log = LogCapture.of(LookalikeGuard.class)) {
            james.send("Travel plans", "j.doe@army.ml");

            AWAIT.until(() -> log.count("action=bounce recipient_domain=army.ml") == 1);
            Settle.holdsFor(Duration.ofSeconds(1), () -> assertThat(receiver.received()).isEmpty());
            assertThat(james.quarantinedKeys()).isEmpty();
        }
    }
}
