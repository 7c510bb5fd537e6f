package dev.lookalikeguard.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.james.core.MaybeSender;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.lookalikeguard.learn.Correspondent;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.LookalikeAttributes;
import dev.lookalikeguard.testing.MemoryStores;

class LearnCorrespondentsTest {
    private GuardRegistry registry;

    @BeforeEach
    void setUp() throws Exception {
        registry = MemoryStores.registry();
    }

    @AfterEach
    void tearDown() {
        registry.learning().stop();
    }

    private LearnCorrespondents mailet(String... parameters) throws Exception {
        LearnCorrespondents mailet = new LearnCorrespondents(registry);
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("LearnCorrespondents");
        for (int i = 0; i < parameters.length; i += 2) {
            config.setProperty(parameters[i], parameters[i + 1]);
        }
        mailet.init(config.build());
        return mailet;
    }

    private void learningOn() throws Exception {
        new RecipientIsLookalike(registry).init(FakeMatcherConfig.builder().matcherName("RecipientIsLookalike")
            .condition("suffixes: mil; learn: on; learnThreshold: 1 days, 1 senders").build());
    }

    @Nested
    class Counting {

        @Test
        void countsEachRecipientDomainOncePerMailAndLeavesTheMailAlone() throws Exception {
            learningOn();
            LearnCorrespondents mailet = mailet();
            FakeMail mail = FakeMail.builder().name("m1").sender("colonel@guard.test")
                .recipients("a@Partner.com", "b@partner.com", "c@other.org").state("relay").build();

            mailet.service(mail);

            assertThat(mail.getState()).isEqualTo("relay");
            assertThat(mail.getRecipients()).hasSize(3);
            registry.learning().flush();
            assertThat(registry.learning().records()).extracting(Correspondent::domain).containsExactly("other.org", "partner.com");
            assertThat(registry.learning().record("partner.com").orElseThrow().recipients()).isEqualTo(1);
            assertThat(registry.learning().snapshot().names()).containsExactly("other.org", "partner.com");
        }

        @Test
        void doesNotCountNoticesNorReleasedMail() throws Exception {
            learningOn();
            LearnCorrespondents mailet = mailet();

            mailet.service(FakeMail.builder().name("n").sender(MaybeSender.nullSender()).recipients("a@partner.com").build());
            mailet.service(FakeMail.builder().name("r").sender("colonel@guard.test").recipients("a@partner.com")
                .attribute(new Attribute(LookalikeAttributes.RELEASED, AttributeValue.of(true))).build());

            assertThat(registry.learning().pending()).isZero();
        }

        @Test
        void countsNothingWhileNoMatcherHasLearnOn() throws Exception {
            LearnCorrespondents mailet = mailet();

            mailet.service(FakeMail.builder().name("m1").sender("colonel@guard.test").recipients("a@partner.com").build());

            assertThat(registry.learning().pending()).isZero();
        }
    }

    @Nested
    class Configuration {

        @ParameterizedTest(name = "{0}={1} fails naming {2}")
        @CsvSource(delimiter = '|', value = {
            "flushInterval   | soon | parameter 'flushInterval' is 'soon'",
            "flushInterval   | 30   | parameter 'flushInterval' is '30'",
            "refreshInterval | 0s   | parameter 'refreshInterval' is '0s'; expected at least 1s",
            "flushIntervall  | 30s  | flushIntervall",
        })
        void aBadParameterStopsStartUpNamingIt(String name, String value, String message) {
            assertThatThrownBy(() -> mailet(name, value))
                .isInstanceOf(LookalikeConfigurationError.class)
                .hasMessageStartingWith("LearnCorrespondents: ")
                .hasMessageContaining(message);
        }
    }
}
