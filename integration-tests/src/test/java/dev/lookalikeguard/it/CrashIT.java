package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.james.util.Port;
import org.apache.james.utils.SMTPMessageSender;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kill -9} of the server, not a clean stop: James (memory server, file-backed quarantine) runs as its own JVM
 * and is killed with SIGKILL while mail is held and one recipient was already released by its sender. After a
 * restart on the same working directory the held recipients are all still held, the released one is not held again
 * (its token is refused), the others can still be released, and held mail still expires (its queue was in memory).
 */
class CrashIT {
    private static final ConditionFactory AWAIT = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500));
    private static final String RELEASE = "lookalike-release@guard.test";
    private static final String HELD_EXPIRY = "45s";

    @RegisterExtension
    final GuardExtension<LoopbackReceiver> guard = GuardExtension.startedByTheTest();

    private ServerProcess server;

    @Test
    void heldMailAndReleaseStateSurviveKill9() throws Exception {
        LoopbackReceiver receiver = guard.receiver();
        server = guard.process(sample -> sample
            .confirm("<confirmSecret>0123456789abcdef0123456789abcdef</confirmSecret><confirmAddress>" + RELEASE
                + "</confirmAddress><heldExpiry>" + HELD_EXPIRY + "</heldExpiry>"));
        server.start(GuardServer.SENDER, RELEASE);
        send("Before the crash", "a@army.ml", "b@navy.ml", "c@defnese.gov");
        Map<String, String> tokens = tokens(3);
        reply(tokens.get("a@army.ml"));
        AWAIT.until(() -> receiver.deliveredTo("a@army.ml").size() == 1);
        AWAIT.until(() -> server.heldRecipients().size() == 2);
        long killed = server.pid();

        server.kill9();
        server.start(GuardServer.SENDER, RELEASE);

        System.out.printf("crash: kill -9 of pid %d, restarted as pid %d; held after restart: %s%n", killed, server.pid(),
            server.heldRecipients());
        assertThat(server.heldRecipients()).containsExactlyInAnyOrder("b@navy.ml", "c@defnese.gov");
        reply(tokens.get("a@army.ml"));
        reply(tokens.get("b@navy.ml"));
        AWAIT.until(() -> receiver.deliveredTo("b@navy.ml").size() == 1);
        AWAIT.until(() -> subjects().stream().anyMatch(s -> s.startsWith("Not released: the message is no longer held")));
        AWAIT.until(() -> subjects().contains("Message not sent: did you mean defense.gov?"));
        AWAIT.until(() -> server.heldRecipients().isEmpty());
        Settle.settle(() -> List.of(receiver.messages().size(), subjects()));

        System.out.printf("crash: delivered a=%d b=%d c=%d; after restart the sender was told: %s%n",
            receiver.deliveredTo("a@army.ml").size(), receiver.deliveredTo("b@navy.ml").size(),
            receiver.deliveredTo("c@defnese.gov").size(), subjects());
        assertThat(receiver.deliveredTo("a@army.ml")).as("released once before the crash, never again").hasSize(1);
        assertThat(receiver.deliveredTo("b@navy.ml")).as("released once after it").hasSize(1);
        assertThat(receiver.deliveredTo("c@defnese.gov")).as("returned to its sender instead").isEmpty();
    }

    private void send(String subject, String... recipients) throws Exception {
        try (SMTPMessageSender sender = new SMTPMessageSender(GuardServer.DOMAIN)) {
            sender.connect("127.0.0.1", Port.of(server.smtpPort())).sendMessageWithHeaders(GuardServer.SENDER,
                List.of(recipients), "From: " + GuardServer.SENDER + "\r\nTo: team@example.com\r\nSubject: " + subject
                    + "\r\n\r\nbody\r\n");
        }
    }

    private void reply(String token) throws Exception {
        try (SMTPMessageSender sender = new SMTPMessageSender(GuardServer.DOMAIN)) {
            sender.connect("127.0.0.1", Port.of(server.smtpPort())).authenticate(GuardServer.SENDER, GuardServer.PASSWORD)
                .sendMessageWithHeaders(GuardServer.SENDER, List.of(RELEASE), "From: " + GuardServer.SENDER + "\r\nTo: "
                    + RELEASE + "\r\nSubject: Re: Message held [release " + token + "]\r\n\r\nyes\r\n");
        }
    }

    private Map<String, String> tokens(int count) throws Exception {
        AWAIT.until(() -> Inbox.read(server.imapPort(), GuardServer.SENDER).stream().filter(n -> n.token() != null).count() == count);
        return Inbox.read(server.imapPort(), GuardServer.SENDER).stream().filter(n -> n.token() != null)
            .collect(Collectors.toMap(n -> n.recipients().get(0), Inbox.Note::token));
    }

    private List<String> subjects() throws Exception {
        return Inbox.read(server.imapPort(), GuardServer.SENDER).stream().map(n -> n.subject).collect(Collectors.toList());
    }
}
