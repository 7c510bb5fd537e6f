package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.net.smtp.SMTPClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The quarantine at scale: 5,000 mails held through SMTP on a real James (file-backed quarantine), then listed,
 * filtered and paged through WebAdmin. Prints how long each page takes (median and worst of 7): a measurement,
 * not a timed assertion; it asserts that the pages are right.
 */
class QuarantineScaleIT {
    private static final int HELD = 5_000;
    private static final int SENDERS = 50;
    private static final List<String> DOMAINS = List.of("army.ml", "navy.ml", "defnese.gov", "amry.mil", "af.ml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GuardExtension<LoopbackReceiver> GUARD = GuardExtension.configured(james -> james.action("hold"));

    private static GuardServer james;

    @BeforeAll
    static void holdFiveThousandMails() throws Exception {
        james = GUARD.james();
        long started = System.nanoTime();
        send();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
            .until(() -> james.webAdmin("GET", "/lookalike/quarantine?limit=1").get("total").asInt() == HELD);
        System.out.printf("quarantine at scale: %,d mails held through SMTP in %.1f s%n", HELD,
            (System.nanoTime() - started) / 1e9);
    }

    private static void send() throws Exception {
        int connections = 8;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int connection = c;
                done.add(pool.submit(() -> {
                    SMTPClient client = new SMTPClient();
                    client.connect("127.0.0.1", james.smtpPort());
                    client.helo("load.guard.test");
                    for (int i = connection; i < HELD; i += connections) {
                        String sender = "sender" + (i % SENDERS) + "@guard.test";
                        String recipient = "r" + i + "@" + DOMAINS.get(i % DOMAINS.size());
                        client.setSender(sender);
                        client.addRecipient(recipient);
                        client.sendShortMessageData("From: " + sender + "\r\nTo: " + recipient + "\r\nSubject: held " + i
                            + "\r\n\r\nBody " + i + "\r\n");
                    }
                    client.quit();
                    client.disconnect();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** GETs a page 7 times; prints the median and worst time; returns the last answer. */
    private static JsonNode timed(String label, String query) throws Exception {
        long[] millis = new long[7];
        String body = null;
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = james.webAdminResponse("GET", "/lookalike/quarantine" + query);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            assertThat(response.statusCode()).isEqualTo(200);
            body = response.body();
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("quarantine at scale, %,d held: %-40s median %4d ms, worst %4d ms (first %d ms)%n", HELD, label,
            sorted[3], sorted[6], millis[0]);
        return JSON.readTree(body);
    }

    @Test
    void pagesFiltersAndTotalsAreRightAndTimed() throws Exception {
        JsonNode first = timed("first page (limit 50)", "");
        assertThat(first.get("total").asInt()).isEqualTo(HELD);
        assertThat(first.get("mails")).hasSize(50);
        assertThat(first.get("mails").get(0).get("heldSince").asText())
            .isGreaterThanOrEqualTo(first.get("mails").get(49).get("heldSince").asText());

        JsonNode bySender = timed("sender=sender7@guard.test", "?sender=sender7@guard.test");
        assertThat(bySender.get("total").asInt()).isEqualTo(HELD / SENDERS);
        bySender.get("mails").forEach(mail -> assertThat(mail.get("sender").asText()).isEqualTo("sender7@guard.test"));

        JsonNode byDomain = timed("domain=army.mil (nearest)", "?domain=army.mil");
        assertThat(byDomain.get("total").asInt()).isEqualTo(2 * HELD / DOMAINS.size());

        JsonNode byRecipientDomain = timed("domain=navy.ml&sender=sender1@guard.test", "?domain=navy.ml&sender=sender1@guard.test");
        assertThat(byRecipientDomain.get("total").asInt()).isEqualTo(HELD / SENDERS);

        JsonNode last = timed("last page (offset 4950)", "?offset=4950");
        assertThat(last.get("mails")).hasSize(50);

        JsonNode big = timed("limit=500", "?limit=500");
        assertThat(big.get("mails")).hasSize(500);
    }
}
