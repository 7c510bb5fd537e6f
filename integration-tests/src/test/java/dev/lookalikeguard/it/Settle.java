package dev.lookalikeguard.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits until something observable stops changing: it must stay the same for {@code quiet} (Awaitility's
 * {@code during}), so a test can then count what happened, knowing nothing more is on its way.
 */
final class Settle {
    private Settle() {
    }

    static <T> T settle(Callable<T> state, Duration quiet, Duration atMost) {
        AtomicReference<Object> last = new AtomicReference<>(new Object());
        await().pollInterval(Duration.ofMillis(200)).during(quiet).atMost(atMost.plus(quiet))
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
}
