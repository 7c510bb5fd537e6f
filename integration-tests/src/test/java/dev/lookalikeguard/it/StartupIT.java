package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad configuration stops James at start-up with a message naming the bad part. */
class StartupIT {
    private static LoopbackReceiver receiver;

    @BeforeAll
    static void start() {
        receiver = new LoopbackReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void aBadConditionStopsStartUp() {
        assertThatThrownBy(() -> GuardServer.builder(receiver.port()).condition("sufixes: mil; domains: army.mil").start())
            .hasStackTraceContaining("RecipientIsLookalike: bad condition: unknown clause 'sufixes'");
    }

    @Test
    void aConditionThatProtectsNothingStopsStartUp() {
        assertThatThrownBy(() -> GuardServer.builder(receiver.port()).condition("sensitivity: paranoid").start())
            .hasStackTraceContaining("condition protects nothing");
    }

    @Test
    void aBadActionStopsStartUp() {
        assertThatThrownBy(() -> GuardServer.builder(receiver.port()).action("drop").start())
            .hasStackTraceContaining("LookalikeGuard: parameter 'action' is 'drop'; expected bounce, hold, tag or confirm");
    }
}
