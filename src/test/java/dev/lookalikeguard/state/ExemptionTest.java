package dev.lookalikeguard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.lookalikeguard.testing.MemoryStores;
import dev.lookalikeguard.testing.TestClock;

/** {@link GuardRegistry#exemption}: the one run-time decision on a stopped recipient. */
class ExemptionTest {
    private static final String SENDER = "colonel@example.gov";

    private TestClock clock;
    private GuardRegistry registry;

    @BeforeEach
    void setUp() throws Exception {
        clock = new TestClock();
        registry = MemoryStores.registry(MemoryStores.repositoryStore(), clock);
    }

    @Test
    void nothingOnTheAllowListAndNothingRememberedLetsNothingThrough() throws Exception {
        assertThat(registry.exemption("army.ml", Optional.of(SENDER))).isEmpty();
        assertThat(registry.exemption("army.ml", Optional.empty())).isEmpty();
    }

    @Test
    void theAllowListLetsTheDomainAndWhatIsUnderItThroughNamingTheEntry() throws Exception {
        registry.allowList().add("army.ml", "partner");

        assertThat(registry.exemption("army.ml", Optional.empty())).hasValueSatisfying(exemption -> {
            assertThat(exemption.kind()).isEqualTo(Exemption.Kind.ALLOW_LIST);
            assertThat(exemption.by()).isEqualTo("army.ml");
        });
        assertThat(registry.exemption("mail.army.ml", Optional.of(SENDER)).map(Exemption::by)).contains("army.ml");
        assertThat(registry.exemption("navy.ml", Optional.of(SENDER))).isEmpty();
    }

    @Test
    void aRememberedConfirmationCountsOnlyForThatSenderAndDomainAndOnlyWhenASenderIsGiven() throws Exception {
        registry.remembered().remember(SENDER, "army.ml", Duration.ofDays(30));

        assertThat(registry.exemption("army.ml", Optional.of(SENDER))).hasValueSatisfying(exemption -> {
            assertThat(exemption.kind()).isEqualTo(Exemption.Kind.REMEMBERED);
            assertThat(exemption.by()).isEqualTo(SENDER);
        });
        assertThat(registry.exemption("army.ml", Optional.empty())).as("no sender given (not action confirm)").isEmpty();
        assertThat(registry.exemption("army.ml", Optional.of("major@example.gov"))).as("another sender").isEmpty();
        assertThat(registry.exemption("navy.ml", Optional.of(SENDER))).as("another domain").isEmpty();
    }

    @Test
    void aRememberedConfirmationEndsWhenItExpires() throws Exception {
        registry.remembered().remember(SENDER, "army.ml", Duration.ofDays(30));

        clock.advance(Duration.ofDays(31));

        assertThat(registry.exemption("army.ml", Optional.of(SENDER))).isEmpty();
    }

    @Test
    void theAllowListIsAskedFirst() throws Exception {
        registry.remembered().remember(SENDER, "army.ml", Duration.ofDays(30));
        registry.allowList().add("army.ml", "partner");

        assertThat(registry.exemption("army.ml", Optional.of(SENDER)).map(Exemption::kind)).contains(Exemption.Kind.ALLOW_LIST);
    }
}
