package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thousands of mails over concurrent SMTP connections, each with a clean, a protected, a look-alike and
 * an address-literal recipient (plus a repeated one): every recipient must end delivered or bounced,
 * exactly once, with nothing lost and nothing duplicated. Prints the counts and the rate.
 */
class LoadIT {
    private static final int MAILS = Integer.getInteger("load.mails", 2000);
    private static final int CONNECTIONS = 8;

    @RegisterExtension
    static final GuardExtension<LoopbackReceiver> GUARD = GuardExtension.sample();

    private GuardServer james;
    private LoopbackReceiver receiver;

    @Test
    void everyRecipientIsDeliveredOrBouncedExactlyOnce() throws Exception {
        james = GUARD.james();
        receiver = GUARD.receiver();
        long start = System.nanoTime();
        send();
        long sent = System.nanoTime();

        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> receiver.messages().size()
                >= 3 * MAILS && bouncedCount() >= MAILS);
        } catch (ConditionTimeoutException e) {
            // counted and reported below
        }
        long done = System.nanoTime();
        Settle.settle(() -> List.of(receiver.messages().size(), bouncedCount()), Duration.ofSeconds(2), Duration.ofSeconds(60));
        Map<String, Integer> bounced = SenderSide.bouncedRecipients(james);

        List<String> problems = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            expectOnce(problems, "delivered", receiver.deliveredTo("clean" + i + "@example.com").size(), "clean" + i);
            expectOnce(problems, "delivered", receiver.deliveredTo("ops" + i + "@navy.mil").size(), "ops" + i);
            expectOnce(problems, "bounced", bounced.getOrDefault("look" + i + "@army.ml", 0), "look" + i);
            if (!receiver.deliveredTo("look" + i + "@army.ml").isEmpty()) {
                problems.add("look" + i + "@army.ml left the server");
            }
        }
        int literalCopies = receiver.deliveredToLocalPart("literal");
        System.out.printf("LoadIT: %d mails x 4 recipients (+1 repeated) over %d connections: accepted in %.1f s (%.0f mails/s), "
                + "all accounted for in %.1f s; delivered %d copies, bounced %d recipients, address literals delivered %d, problems %d%n",
            MAILS, CONNECTIONS, (sent - start) / 1e9, MAILS / ((sent - start) / 1e9), (done - start) / 1e9,
            receiver.messages().size(), bounced.values().stream().mapToInt(Integer::intValue).sum(), literalCopies,
            problems.size());
        assertThat(problems).isEmpty();
        assertThat(literalCopies).isEqualTo(MAILS);
    }

    private int bouncedCount() throws Exception {
        return SenderSide.bouncedRecipients(james).values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void expectOnce(List<String> problems, String what, int count, String who) {
        if (count != 1) {
            problems.add(who + " " + what + " " + count + " times");
        }
    }

    private void send() throws Exception {
        SenderSide.sendConcurrently(james, CONNECTIONS, MAILS, i -> List.of("clean" + i + "@example.com", "ops" + i + "@navy.mil",
            "look" + i + "@army.ml", "literal@[127.0.0.1]", "look" + i + "@army.ml"));
    }
}
