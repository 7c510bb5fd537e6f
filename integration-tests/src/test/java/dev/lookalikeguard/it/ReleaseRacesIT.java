package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.james.util.Port;
import org.apache.james.utils.SMTPMessageSender;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every held recipient ends delivered once or returned once, never both, never neither, whatever races:
 * each race is run many times on a real James and the outcomes are counted (and printed).
 */
class ReleaseRacesIT {
    private static final ConditionFactory AWAIT = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250));
    private static final String RELEASE = "lookalike-release@guard.test";
    private static final String CONFIRM = "<confirmSecret>0123456789abcdef0123456789abcdef</confirmSecret>"
        + "<confirmAddress>" + RELEASE + "</confirmAddress>";
    private static final int RUNS = 20;

    @RegisterExtension
    final GuardExtension<LoopbackReceiver> guard = GuardExtension.startedByTheTest();

    private LoopbackReceiver receiver;
    private GuardServer james;

    private void start(String parameters) throws Exception {
        receiver = guard.receiver();
        james = guard.start(sample -> sample.confirm(CONFIRM + parameters).users(RELEASE));
    }

    @Test
    void twoRecipientsOfOneMailConfirmedAtTheSameMoment() throws Exception {
        start("");
        List<List<String>> mails = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            List<String> recipients = List.of("r" + run + "a@army.ml", "r" + run + "b@navy.ml");
            james.send("Race " + run, recipients.toArray(String[]::new));
            mails.add(recipients);
        }
        Map<String, String> tokens = awaitTokens(2 * RUNS);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (List<String> recipients : mails) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> replies = new ArrayList<>();
                for (String recipient : recipients) {
                    replies.add(pool.submit(() -> {
                        together.await();
                        reply(tokens.get(recipient));
                        return null;
                    }));
                }
                for (Future<?> reply : replies) {
                    reply.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Integer> outcomes = settleAndCount(flatten(mails));
        System.out.printf("race two-recipients-confirmed-together, %d runs: %s%n", RUNS, outcomes);
        assertThat(outcomes).containsOnlyKeys("delivered once");
    }

    @Test
    void anAdminReleaseRacingTheSendersConfirmation() throws Exception {
        start("");
        List<String> recipients = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            recipients.add("r" + run + "@army.ml");
            james.send("Race " + run, recipients.get(run));
        }
        Map<String, String> tokens = awaitTokens(RUNS);
        Map<String, String> keys = heldKeys();

        raceInPairs(recipients, recipient -> () -> {
                reply(tokens.get(recipient));
                return null;
            },
            recipient -> () -> james.webAdminResponse("POST", "/lookalike/quarantine/" + keys.get(recipient) + "/release"));

        Map<String, Integer> outcomes = settleAndCount(recipients);
        System.out.printf("race admin-release-vs-confirmation, %d runs: %s%n", RUNS, outcomes);
        assertThat(outcomes).containsOnlyKeys("delivered once");
    }

    @Test
    void expiryRacingAnAdminRelease() throws Exception {
        start("<heldExpiry>6s</heldExpiry>");
        List<String> recipients = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            recipients.add("r" + run + "@army.ml");
        }
        SenderSide.sendConcurrently(james, 4, RUNS, i -> List.of(recipients.get(i)));
        Map<String, String> keys = heldKeys(RUNS);
        Map<String, java.time.Instant> heldSince = new LinkedHashMap<>();
        for (JsonNode mail : james.webAdmin("GET", "/lookalike/quarantine?limit=500").get("mails")) {
            heldSince.put(mail.get("recipients").get(0).get("address").asText(),
                java.time.Instant.parse(mail.get("heldSince").asText()));
        }

        // Recipient i is released at (held + 6 s - 1 s + i * 150 ms): around its expiry, before and after.
        java.util.concurrent.ScheduledExecutorService pool = Executors.newScheduledThreadPool(4);
        try {
            List<Future<?>> releases = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                String recipient = recipients.get(i);
                java.time.Instant at = heldSince.get(recipient).plusMillis(6000 - 1000 + 150L * i);
                releases.add(pool.schedule(() -> james.webAdminResponse("POST", "/lookalike/quarantine/"
                    + keys.get(recipient) + "/release").statusCode(),
                    Math.max(0, Duration.between(java.time.Instant.now(), at).toMillis()),
                    java.util.concurrent.TimeUnit.MILLISECONDS));
            }
            for (Future<?> release : releases) {
                release.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Integer> outcomes = settleAndCount(recipients);
        System.out.printf("race expiry-vs-admin-release, %d runs: %s%n", RUNS, outcomes);
        assertThat(outcomes.keySet()).allMatch(outcome -> outcome.equals("delivered once") || outcome.equals("returned once"));
    }

    /** For each recipient, runs both actions at the same moment (one pair after the other). */
    private static void raceInPairs(List<String> recipients, java.util.function.Function<String, Callable<?>> one,
                                    java.util.function.Function<String, Callable<?>> other) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String recipient : recipients) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> both = new ArrayList<>();
                for (Callable<?> action : List.of(one.apply(recipient), other.apply(recipient))) {
                    both.add(pool.submit(() -> {
                        together.await();
                        return action.call();
                    }));
                }
                for (Future<?> done : both) {
                    done.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, String> heldKeys() throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        for (JsonNode mail : james.webAdmin("GET", "/lookalike/quarantine?limit=500").get("mails")) {
            mail.get("recipients").forEach(r -> keys.put(r.get("address").asText(), mail.get("key").asText()));
        }
        return keys;
    }

    private Map<String, String> heldKeys(int count) throws Exception {
        AWAIT.until(() -> heldKeys().size() == count);
        return heldKeys();
    }

    private static List<String> flatten(List<List<String>> mails) {
        List<String> all = new ArrayList<>();
        mails.forEach(all::addAll);
        return all;
    }

    /** Waits for nothing more to change, then classifies every recipient: delivered once, twice, lost... */
    private Map<String, Integer> settleAndCount(List<String> recipients) throws Exception {
        Settle.settle(() -> List.of(receiver.messages().size(), heldRecipients(), Inbox.read(james, GuardServer.SENDER).size()),
            Duration.ofSeconds(4), Duration.ofSeconds(60));
        List<String> held = heldRecipients();
        Map<String, Integer> returned = returnedRecipients();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (String recipient : recipients) {
            int delivered = receiver.deliveredTo(recipient).size();
            int stillHeld = (int) held.stream().filter(recipient::equalsIgnoreCase).count();
            int back = returned.getOrDefault(recipient, 0);
            outcomes.merge(classify(delivered, back, stillHeld), 1, Integer::sum);
        }
        return outcomes;
    }

    private static String classify(int delivered, int returned, int held) {
        if (delivered == 1 && returned == 0 && held == 0) {
            return "delivered once";
        }
        if (delivered == 0 && returned == 1 && held == 0) {
            return "returned once";
        }
        if (delivered == 0 && returned == 0 && held == 0) {
            return "LOST";
        }
        return "WRONG delivered=" + delivered + " returned=" + returned + " held=" + held;
    }

    /** Recipients named in "Message not sent" notices in the sender's inbox, and how often. */
    private Map<String, Integer> returnedRecipients() throws Exception {
        Map<String, Integer> returned = new LinkedHashMap<>();
        for (Inbox.Note note : Inbox.read(james, GuardServer.SENDER)) {
            if (note.subject.startsWith("Message not sent")) {
                note.recipients().forEach(recipient -> returned.merge(recipient, 1, Integer::sum));
            }
        }
        return returned;
    }

    private Map<String, String> awaitTokens(int count) throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        AWAIT.until(() -> {
            tokens.clear();
            for (Inbox.Note note : Inbox.read(james, GuardServer.SENDER)) {
                if (note.token() != null) {
                    note.recipients().forEach(recipient -> tokens.put(recipient, note.token()));
                }
            }
            return tokens.size() == count;
        });
        return tokens;
    }

    private List<String> heldRecipients() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (JsonNode mail : james.webAdmin("GET", "/lookalike/quarantine?limit=500").get("mails")) {
            mail.get("recipients").forEach(r -> recipients.add(r.get("address").asText()));
        }
        return recipients;
    }

    private void reply(String token) throws Exception {
        try (SMTPMessageSender sender = new SMTPMessageSender("guard.test")) {
            sender.connect("127.0.0.1", Port.of(james.smtpPort())).authenticate(GuardServer.SENDER, GuardServer.PASSWORD)
                .sendMessageWithHeaders(GuardServer.SENDER, List.of(RELEASE), "From: " + GuardServer.SENDER + "\r\nTo: "
                    + RELEASE + "\r\nSubject: Re: Message held [release " + token + "]\r\n\r\nyes, I meant it\r\n");
        }
    }
}
