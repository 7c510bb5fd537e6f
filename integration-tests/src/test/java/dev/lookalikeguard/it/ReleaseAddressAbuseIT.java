package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.lookalikeguard.james.LookalikeRelease;

/**
 * The release address tried as an attacker would: it faces the internet, so anyone can write to it
 * with any MAIL FROM. It must never become a way to make the server send mail to someone else
 * (backscatter), let alone many mails for one (amplification).
 */
class ReleaseAddressAbuseIT {
    private static final ConditionFactory AWAIT = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200));
    private static final String RELEASE = "lookalike-release@guard.test";
    private static final String VICTIM = "victim@example.org";

    /** SmtpSink counts what GreenMail refuses: notices from the null sender. */
    @RegisterExtension
    static final GuardExtension<SmtpSink> GUARD = GuardExtension.configured(james -> james
        .confirm("<confirmSecret>0123456789abcdef0123456789abcdef</confirmSecret><confirmAddress>" + RELEASE
            + "</confirmAddress>")
        .users(RELEASE)).receivingWith(SmtpSink::new);

    private static SmtpSink receiver;
    private static GuardServer james;

    @BeforeEach
    void reset() {
        james = GUARD.james();
        receiver = GUARD.receiver();
        receiver.reset();
    }

    @Test
    void anUnauthenticatedReplyWithAForgedSenderAndAHundredReleaseRecipientsSendsNothingAndLogsOneLine() throws Exception {
        try (LogCapture log = LogCapture.of(LookalikeRelease.class)) {
            List<String> recipients = caseVariants(RELEASE, 100);

            int accepted = sendUnauthenticated(VICTIM, recipients, "Re: Message held [release "
                + "abcdefghijklmnopqrst.abcdefghijklmnopqrst]");

            assertThat(accepted).as("RCPT TO accepted").isEqualTo(100);
            AWAIT.until(() -> log.count("action=self-release") >= 1);
            Settle.settle(() -> List.of(receiver.received().size(), log.lines().size()));
            System.out.printf("backscatter: %d RCPT TO accepted, %d mails sent to %s, %d log lines%n", accepted,
                receiver.deliveredTo(VICTIM), VICTIM, log.count("action=self-release"));
            assertThat(receiver.deliveredTo(VICTIM)).isZero();
            assertThat(log.count("action=self-release")).as("one line for the whole message").isEqualTo(1);
            assertThat(log.count("action=self-release-dropped")).isEqualTo(1);
        }
    }

    @Test
    void aReplyWithoutATokenFromAnOutsiderIsDroppedToo() throws Exception {
        try (LogCapture log = LogCapture.of(LookalikeRelease.class)) {
            sendUnauthenticated(VICTIM, List.of(RELEASE), "hello");

            AWAIT.until(() -> log.count("action=self-release") >= 1);
            Settle.settle(() -> List.of(receiver.received().size(), log.lines().size()));
            assertThat(receiver.received()).isEmpty();
            assertThat(log.count("action=self-release-dropped")).isEqualTo(1);
        }
    }

    @Test
    void anAuthenticatedLocalSenderNamingTheReleaseAddressManyTimesGetsOneAnswer() throws Exception {
        try (LogCapture log = LogCapture.of(LookalikeRelease.class);
             org.apache.james.utils.SMTPMessageSender sender = new org.apache.james.utils.SMTPMessageSender("guard.test")) {
            sender.connect("127.0.0.1", org.apache.james.util.Port.of(james.smtpPort()))
                .authenticate(GuardServer.SENDER, GuardServer.PASSWORD)
                .sendMessageWithHeaders(GuardServer.SENDER, caseVariants(RELEASE, 5), "From: " + GuardServer.SENDER
                    + "\r\nTo: " + RELEASE + "\r\nSubject: Re: held\r\n\r\nno token here\r\n");

            AWAIT.until(() -> log.count("action=self-release") >= 1);
            Settle.settle(() -> log.lines().size());
            assertThat(log.count("action=self-release-refused")).isEqualTo(1);
            assertThat(log.count("action=self-release-dropped")).isZero();
        }
    }

    /** {@code count} spellings of an address differing only by case, each accepted by SMTP as the same user. */
    private static List<String> caseVariants(String address, int count) {
        Random random = new Random(13);
        List<String> variants = new ArrayList<>();
        while (variants.size() < count) {
            StringBuilder variant = new StringBuilder();
            for (char c : address.toCharArray()) {
                variant.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
            }
            String spelled = variant.toString();
            if (!variants.contains(spelled) || variants.size() == 0) {
                variants.add(variants.isEmpty() ? address.toLowerCase(Locale.ROOT) : spelled);
            }
        }
        return variants;
    }

    /** One message, without SMTP AUTH; returns how many RCPT TO the server accepted. */
    private static int sendUnauthenticated(String mailFrom, List<String> recipients, String subject) throws Exception {
        SMTPClient client = new SMTPClient();
        client.connect("127.0.0.1", james.smtpPort());
        try {
            client.helo("outsider.example");
            assertThat(client.setSender(mailFrom)).isTrue();
            int accepted = 0;
            for (String recipient : recipients) {
                if (SMTPReply.isPositiveCompletion(client.rcpt("<" + recipient + ">"))) {
                    accepted++;
                }
            }
            assertThat(client.sendShortMessageData("From: " + mailFrom + "\r\nTo: " + RELEASE + "\r\nSubject: " + subject
                + "\r\n\r\nplease release\r\n")).isTrue();
            return accepted;
        } finally {
            client.quit();
            client.disconnect();
        }
    }
}
