package dev.lookalikeguard.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;

/**
 * Waits that prove that nothing (more) happened, with Awaitility's {@code during}: an assertion that must keep
 * holding for a while, or something observable that must stop changing before a test counts what happened.
 */
final class Settle {
    private static final Duration POLL = Duration.ofMillis(200);

    private Settle() {
    }

    /** {@code assertion} holds now and keeps holding for {@code quiet} (e.g. "nothing was delivered"). */
    static void holdsFor(Duration quiet, ThrowingRunnable assertion) {
        await().pollInterval(Duration.ofMillis(100)).during(quiet).atMost(quiet.plus(Duration.ofSeconds(10)))
            .untilAsserted(assertion);
    }

    /** Waits until {@code state} stays the same for {@code quiet}; returns it. */
    static <T> T settle(Callable<T> state, Duration quiet, Duration atMost) {
        AtomicReference<Object> last = new AtomicReference<>(new Object());
        await().pollInterval(POLL).during(quiet).atMost(atMost.plus(quiet))
            .until(() -> {
                T now = state.call();
                return Objects.equals(now, last.getAndSet(now));
            });
        try {
            return state.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T settle(Callable<T> state) {
        return settle(state, Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    /**
     * Waits (at most {@code atMost}) for {@code expected}, then until {@code state} stays the same for {@code quiet}, and
     * returns it: what the test then counts is all there is. A test whose expected outcome never comes goes on to count
     * (and report) what did.
     */
    static <T> T settleAfter(Callable<Boolean> expected, Duration atMost, Callable<T> state, Duration quiet) {
        try {
            await().pollInterval(Duration.ofMillis(300)).atMost(atMost).until(expected);
        } catch (ConditionTimeoutException e) {
            // counted and reported by the caller's assertions
        }
        return settle(state, quiet, Duration.ofSeconds(60));
    }
}
