package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.james.utils.TestIMAPClient;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When the quarantine cannot store a held mail, the guard fails and James's error processor takes the mail. The
 * sample's tells only a sender of this server's domains: another domain's sender may be forged (an outsider writing to
 * a user whose forward points at a look-alike), and a notice would carry the outsider's text, and where the user's mail
 * was going, to an address of their choosing. Either way the mail waits in {@code var/mail/error}.
 */
class ErrorNoticeIT {
    private static final ConditionFactory AWAIT = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    private static final String ERRORS = "/mailRepositories/var%2Fmail%2Ferror/mails";
    private static final String FORWARDING_USER = "alice@" + GuardServer.DOMAIN;
    /** Not in the sample's authorizedAddresses (127.0.0.1 only): SMTP does not relay for it. */
    private static final String OUTSIDE = "127.0.0.2";

    /** SmtpSink records notices too, which come from the null sender. */
    @RegisterExtension
    final GuardExtension<SmtpSink> guard = GuardExtension.startedByTheTest().receivingWith(SmtpSink::new);

    @Test
    void anOutsidersForwardedMailWaitsInTheErrorRepositoryAndNothingIsWrittenToTheForgedSender() throws Exception {
        GuardServer james = guard.start(sample -> sample.users(FORWARDING_USER));
        james.webAdmin("PUT", "/address/forwards/" + FORWARDING_USER + "/targets/j.doe@army.ml");
        FaultsIT.breakQuarantine(james.workingDirectory());
        try (SmtpSession session = SmtpSession.from(james, OUTSIDE)) {
            assertThat(session.rcpt(FORWARDING_USER, "victim@example.org")).isTrue();
            session.data("victim@example.org", FORWARDING_USER, "Any text the outsider chooses");
        }

        AWAIT.until(() -> james.webAdmin("GET", ERRORS).size() == 1);
        Settle.holdsFor(Duration.ofSeconds(2), () -> assertThat(guard.receiver().received()).as("nothing leaves the server")
            .isEmpty());
    }

    @Test
    void aLocalSenderIsStillTold() throws Exception {
        GuardServer james = guard.start(sample -> sample.action("hold"));
        FaultsIT.breakQuarantine(james.workingDirectory());

        james.send("Fault", "j.doe@army.ml");

        AWAIT.until(() -> james.webAdmin("GET", ERRORS).size() == 1);
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", james.imapPort()).login(GuardServer.SENDER, GuardServer.PASSWORD).select("INBOX");
            imap.awaitMessageCount(AWAIT, 1);
        }
        assertThat(guard.receiver().received()).isEmpty();
    }
}
