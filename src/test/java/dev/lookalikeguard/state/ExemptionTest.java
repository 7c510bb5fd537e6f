package dev.lookalikeguard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.lookalikeguard.testing.MemoryStores;
import dev.lookalikeguard.testing.TestClock;

/** {@link GuardRegistry#exemption}: the one run-time decision on a stopped recipient. */
class ExemptionTest {
    private static final String SENDER = "colonel@example.gov";
    /** The guard's remember as configured now. */
    private static final Duration REMEMBER = Duration.ofDays(30);

    private TestClock clock;
    private MailRepositoryStore store;
    private GuardRegistry registry;

    @BeforeEach
    void setUp() throws Exception {
        clock = new TestClock();
        store = MemoryStores.repositoryStore();
        registry = MemoryStores.registry(store, clock);
    }

    @Test
    void nothingOnTheAllowListAndNothingRememberedLetsNothingThrough() throws Exception {
        assertThat(registry.exemption("army.ml", Optional.of(SENDER), REMEMBER)).isEmpty();
        assertThat(registry.exemption("army.ml", Optional.empty(), REMEMBER)).isEmpty();
    }

    @Test
    void theAllowListLetsTheDomainAndWhatIsUnderItThroughNamingTheEntry() throws Exception {
        registry.allowList().add("army.ml", "partner");

        assertThat(registry.exemption("army.ml", Optional.empty(), REMEMBER)).hasValueSatisfying(exemption -> {
            assertThat(exemption.kind()).isEqualTo(Exemption.Kind.ALLOW_LIST);
            assertThat(exemption.by()).isEqualTo("army.ml");
        });
        assertThat(registry.exemption("mail.army.ml", Optional.of(SENDER), REMEMBER).map(Exemption::by)).contains("army.ml");
        assertThat(registry.exemption("navy.ml", Optional.of(SENDER), REMEMBER)).isEmpty();
    }

    @Test
    void aRememberedConfirmationCountsOnlyForThatSenderAndDomainAndOnlyWhenASenderIsGiven() throws Exception {
        registry.remembered().remember(SENDER, "army.ml", Duration.ofDays(30));

        assertThat(registry.exemption("army.ml", Optional.of(SENDER), REMEMBER)).hasValueSatisfying(exemption -> {
            assertThat(exemption.kind()).isEqualTo(Exemption.Kind.REMEMBERED);
            assertThat(exemption.by()).isEqualTo(SENDER);
        });
        assertThat(registry.exemption("army.ml", Optional.empty(), REMEMBER)).as("no sender given (not action confirm)").isEmpty();
        assertThat(registry.exemption("army.ml", Optional.of("major@example.gov"), REMEMBER)).as("another sender").isEmpty();
        assertThat(registry.exemption("navy.ml", Optional.of(SENDER), REMEMBER)).as("another domain").isEmpty();
    }

    @Test
    void aRememberedConfirmationEndsWhenItExpires() throws Exception {
        registry.remembered().remember(SENDER, "army.ml", Duration.ofDays(30));

        clock.advance(Duration.ofDays(31));

        assertThat(registry.exemption("army.ml", Optional.of(SENDER), REMEMBER)).isEmpty();
    }

    @Test
    void theAllowListIsAskedFirst() throws Exception {
        registry.remembered().remember(SENDER, "army.ml", Duration.ofDays(30));
        registry.allowList().add("army.ml", "partner");

        assertThat(registry.exemption("army.ml", Optional.of(SENDER), REMEMBER).map(Exemption::kind)).contains(Exemption.Kind.ALLOW_LIST);
    }

    @Test
    void aRememberedConfirmationCountsNoLongerThanRememberAsConfiguredNowNorAtAllOnceItIsOff() throws Exception {
        registry.remembered().remember(SENDER, "army.ml", Duration.ofDays(30));
        clock.advance(Duration.ofDays(8));

        assertThat(registry.exemption("army.ml", Optional.of(SENDER), Duration.ofDays(30))).isPresent();
        assertThat(registry.exemption("army.ml", Optional.of(SENDER), Duration.ofDays(7)))
            .as("remember shortened to 7 days: the pair of 8 days ago no longer counts").isEmpty();
        assertThat(registry.exemption("army.ml", Optional.of(SENDER), Duration.ZERO)).as("remember off").isEmpty();
        assertThat(registry.exemption("army.ml", Optional.of(SENDER), Duration.ofDays(30)))
            .as("kept for a remember lengthened again, until its own expiry").isPresent();
    }

    @Test
    void aPairRememberedWithoutItsDateCountsForNothing() throws Exception {
        // As an earlier version stored it: the sender, the domain and an expiry, but not when the sender confirmed.
        MailRepository repository = store.select(MailRepositoryUrl.from("memory://" + RememberedSenders.PATH));
        registry.remembered().remember(SENDER, "army.ml", Duration.ofDays(30));
        MailKey key = repository.list().next();
        Mail stored = repository.retrieve(key);
        stored.removeAttribute(AttributeName.of("dev.lookalikeguard.remembered.at"));
        repository.store(stored);

        assertThat(registry.exemption("army.ml", Optional.of(SENDER), REMEMBER)).isEmpty();
    }
}
