package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.lifecycle.api.Disposable;
import org.apache.james.server.core.MimeMessageInputStreamSource;
import org.apache.james.util.Port;
import org.apache.james.utils.SMTPMessageSender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every mail the guard reads from a repository or builds is disposed: James's leak detector (advanced
 * mode, set for the integration tests) reports none allocated by the guard after holds, listings, a
 * self-release and an expiry.
 */
class ResourceLeakIT {
    private static final String RELEASE = "lookalike-release@guard.test";

    @RegisterExtension
    static final GuardExtension<LoopbackReceiver> GUARD = GuardExtension.configured(james -> james
        .confirm("<confirmSecret>0123456789abcdef0123456789abcdef</confirmSecret><confirmAddress>" + RELEASE
            + "</confirmAddress><heldExpiry>4s</heldExpiry>")
        .users(RELEASE));

    private static GuardServer james;
    private static LoopbackReceiver receiver;

    @BeforeAll
    static void server() {
        james = GUARD.james();
        receiver = GUARD.receiver();
    }

    @Test
    void theGuardLeaksNothingItReadsOrBuilds() throws Exception {
        assertThat(Disposable.LeakAware.tracedEnabled()).as("james.lifecycle.leak.detection.mode=advanced").isTrue();
        try (LogCapture leaks = LogCapture.of(Disposable.LeakAwareFinalizer.class)) {
            james.send("Leaks", "a@army.ml", "b@navy.ml", "c@defnese.gov");
            await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.read(james, GuardServer.SENDER).stream()
                .filter(note -> note.token() != null).count() == 3);
            Inbox.Note army = Inbox.read(james, GuardServer.SENDER).stream()
                .filter(note -> note.recipients().contains("a@army.ml") && note.token() != null).findFirst().orElseThrow();
            JsonNode page = james.webAdmin("GET", "/lookalike/quarantine");
            james.webAdmin("GET", "/lookalike/quarantine/" + page.get("mails").get(0).get("key").asText());
            reply(army.token());
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.deliveredTo("a@army.ml").size() == 1);
            await().atMost(Duration.ofSeconds(60)).until(() -> james.webAdmin("GET", "/lookalike/quarantine")
                .get("total").asInt() == 0);

            List<String> ours = collectLeaks(leaks);

            System.out.printf("leaks reported: %d, allocated by the guard: %d%n", leaks.lines().size(), ours.size());
            ours.forEach(System.out::println);
            assertThat(ours).isEmpty();
        }
    }

    /**
     * Collects garbage until the detector has reported all it will: each round first lets the detector report what the
     * previous round's collection found, then collects again; done when a round adds no report (for 2 s).
     */
    private static List<String> collectLeaks(LogCapture leaks) {
        Settle.settle(() -> {
            MimeMessageInputStreamSource.create("leak-probe").dispose(); // polls the detector's queue
            int reported = leaks.lines().size();
            System.gc();
            return reported;
        }, Duration.ofSeconds(2), Duration.ofSeconds(20));
        return leaks.lines().stream().filter(line -> line.contains("dev.lookalikeguard")).collect(Collectors.toList());
    }

    private static void reply(String token) throws Exception {
        try (SMTPMessageSender sender = new SMTPMessageSender("guard.test")) {
            sender.connect("127.0.0.1", Port.of(james.smtpPort())).authenticate(GuardServer.SENDER, GuardServer.PASSWORD)
                .sendMessageWithHeaders(GuardServer.SENDER, List.of(RELEASE), "From: " + GuardServer.SENDER + "\r\nTo: "
                    + RELEASE + "\r\nSubject: Re: Message held [release " + token + "]\r\n\r\nyes\r\n");
        }
    }
}
