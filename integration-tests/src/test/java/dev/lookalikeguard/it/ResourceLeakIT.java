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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every mail the guard reads from a repository or builds is disposed: James's leak detector (advanced
 * mode, set for the integration tests) reports none allocated by the guard after holds, listings, a
 * self-release and an expiry.
 */
class ResourceLeakIT {
    private static final String RELEASE = "lookalike-release@guard.test";

    private static LoopbackReceiver receiver;
    private static GuardServer james;

    @BeforeAll
    static void start() throws Exception {
        receiver = new LoopbackReceiver();
        james = GuardServer.builder(receiver.port())
            .confirm("<confirmSecret>0123456789abcdef0123456789abcdef</confirmSecret><confirmAddress>" + RELEASE
                + "</confirmAddress><heldExpiry>4s</heldExpiry>")
            .users(RELEASE)
            .start();
    }

    @AfterAll
    static void stop() {
        james.close();
        receiver.close();
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

    /** Collects garbage until the detector has had its chance, and returns the reports naming the guard's code. */
    private static List<String> collectLeaks(LogCapture leaks) {
        await().pollInterval(Duration.ofMillis(300)).during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
            .until(() -> {
                int before = leaks.lines().size();
                System.gc();
                Thread.sleep(100);
                MimeMessageInputStreamSource.create("leak-probe").dispose(); // polls the detector's queue
                return leaks.lines().size() == before;
            });
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
