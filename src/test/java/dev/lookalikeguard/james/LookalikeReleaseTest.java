package dev.lookalikeguard.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryStore;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.memory.MemoryMailQueueFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.HeldKey;
import dev.lookalikeguard.state.Quarantine;
import dev.lookalikeguard.state.ReleaseToken;
import dev.lookalikeguard.testing.MemoryStores;
import dev.lookalikeguard.testing.TestClock;

/** The sender's reply: a valid token releases its recipient once, and nothing else does. */
class LookalikeReleaseTest {
    /** The guard's remember, as {@link #start} configures it. */
    private static final Duration REMEMBER = Duration.ofDays(30);
    private static final String SENDER = "colonel@localhost";
    private static final String RELEASE = "release@localhost";

    private MemoryMailRepositoryStore store;
    private MemoryMailQueueFactory queues;
    private TestClock clock;
    private FakeMailContext context;
    private GuardRegistry registry;
    private LookalikeGuard guard;
    private LookalikeRelease release;

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @BeforeEach
    void setUp() throws Exception {
        start();
    }

    /** A confirm guard (tokens valid 1d, remember 30d) and the release mailet, over fresh stores; more guard parameters. */
    private void start(String... parameters) throws Exception {
        store = MemoryStores.repositoryStore();
        clock = new TestClock();
        queues = MemoryStores.queues(clock);
        RecordingMetricFactory metrics = new RecordingMetricFactory();
        Quarantine quarantine = new Quarantine(store, queues, metrics, clock);
        context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@localhost")).build();
        registry = MemoryStores.registry(store, clock);
        guard = new LookalikeGuard(store, metrics, registry, quarantine, queues, MemoryStores::container);
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("LookalikeGuard").mailetContext(context)
            .setProperty("action", "confirm").setProperty("confirmSecret", SECRET)
            .setProperty("confirmAddress", RELEASE).setProperty("confirmExpiry", "1d").setProperty("remember", "30d");
        for (int i = 0; i < parameters.length; i += 2) {
            config.setProperty(parameters[i], parameters[i + 1]);
        }
        guard.init(config.build());
        release = new LookalikeRelease(registry, quarantine, metrics);
        release.init(FakeMailetConfig.builder().mailetName("LookalikeRelease").mailetContext(context).build());
    }

    /** The held entries, in key order. */
    private List<HeldKey> heldKeys() throws Exception {
        List<HeldKey> keys = new ArrayList<>();
        held().list().forEachRemaining(key -> keys.add(HeldKey.parse(key.asString()).orElseThrow()));
        keys.sort(Comparator.comparing(HeldKey::asString));
        return keys;
    }

    /** The held entry of this recipient domain. */
    private HeldKey heldKeyOf(String domain) throws Exception {
        for (HeldKey key : heldKeys()) {
            if (new MailAddress(recipientOf(key)).getDomain().asString().equals(domain)) {
                return key;
            }
        }
        throw new AssertionError("nothing held for " + domain);
    }

    private String recipientOf(HeldKey key) throws Exception {
        return held().retrieve(key.mailKey()).getRecipients().iterator().next().asString();
    }

    private String holdAndReadToken(String... recipients) throws Exception {
        FakeMail mail = FakeMail.builder().name("mail1").sender(SENDER).recipients(recipients)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Orders").setText("0900")).build();
        RecipientIsLookalike matcher = new RecipientIsLookalike(MemoryStores.registry());
        matcher.init(FakeMatcherConfig.builder().matcherName("RecipientIsLookalike")
            .condition("suffixes: mil; domains: army.mil, navy.mil").build());
        mail.setRecipients(matcher.match(mail));
        guard.service(mail);
        String subject = context.getSentMails().get(0).getMsg().getSubject();
        context.resetSentMails();
        return subject.substring(subject.indexOf("[release ") + 9, subject.lastIndexOf(']'));
    }

    private void reply(String from, String authenticatedAs, String token) throws MessagingException {
        FakeMail.Builder reply = FakeMail.builder().name("reply").sender(from).recipient(RELEASE)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Re: Message held [release " + token + "]")
                .setText("yes"));
        if (authenticatedAs != null) {
            reply.attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of(authenticatedAs)));
        }
        FakeMail mail = reply.build();
        release.service(mail);
        assertThat(mail.getState()).as("a reply is never delivered").isEqualTo(Mail.GHOST);
    }

    private long released() throws Exception {
        return ((ManageableMailQueue) queues.createQueue(MailQueueFactory.SPOOL)).getSize();
    }

    private String answer() throws MessagingException {
        assertThat(context.getSentMails()).hasSize(1);
        String subject = context.getSentMails().get(0).getMsg().getSubject();
        context.resetSentMails();
        return subject;
    }

    private MailRepository held() throws Exception {
        return store.select(MailRepositoryUrl.from("memory://var/mail/quarantine"));
    }

    @Test
    void aValidTokenReleasesItsRecipientOnceAndIsSpent() throws Exception {
        String token = holdAndReadToken("j.doe@army.ml", "k.roe@navy.ml");
        assertThat(held().size()).isEqualTo(2);

        reply(SENDER, SENDER, token);

        assertThat(answer()).isEqualTo("Released: your message to j.doe@army.ml");
        assertThat(released()).isEqualTo(1);
        assertThat(held().size()).as("the other recipient stays held").isEqualTo(1);
        assertThat(registry.remembered().isRemembered(SENDER, "army.ml", REMEMBER)).isTrue();

        reply(SENDER, SENDER, token);

        assertThat(answer()).startsWith("Not released: the message is no longer held");
        assertThat(released()).isEqualTo(1);
    }

    @Test
    void aTamperedExpiredOrSomeoneElsesTokenReleasesNothing() throws Exception {
        String token = holdAndReadToken("j.doe@army.ml");
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("a") ? "b" : "a");

        reply(SENDER, SENDER, tampered);
        assertThat(answer()).isEqualTo("Not released: the token does not match the held message it names");
        reply("major@localhost", "major@localhost", token);
        assertThat(answer()).isEqualTo("Not released: the reply does not come from the original sender");
        clock.advance(Duration.ofDays(2));
        reply(SENDER, SENDER, token);
        assertThat(answer()).isEqualTo("Not released: the token has expired");

        assertThat(released()).isZero();
        assertThat(held().size()).isEqualTo(1);
    }

    @Test
    void anUnauthenticatedOrForgedReplyIsDroppedWithoutAnswer() throws Exception {
        String token = holdAndReadToken("j.doe@army.ml");

        reply(SENDER, null, token);
        reply(SENDER, "major@localhost", token);
        reply("victim@example.org", "victim@example.org", token);

        assertThat(context.getSentMails()).isEmpty();
        assertThat(released()).isZero();
    }

    @Test
    void aParameterItDoesNotTakeStopsStartUpWithOneLine() {
        LookalikeRelease mailet = new LookalikeRelease(registry, new Quarantine(store, queues, new RecordingMetricFactory(),
            clock), new RecordingMetricFactory());

        assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("LookalikeRelease").mailetContext(context)
            .setProperty("confirmSecret", "0123456789abcdef").build()))
            .isInstanceOf(LookalikeConfigurationError.class)
            .hasMessage("LookalikeRelease: Unexpected init parameters found: [confirmSecret]; it takes none (the guards' "
                + "confirmSecret and confirmAddress are parameters of LookalikeGuard)");
    }

    @Test
    void theReleaseMatcherTakesNoCondition() {
        assertThatThrownBy(() -> new IsLookalikeRelease(registry).init(FakeMatcherConfig.builder()
            .matcherName("IsLookalikeRelease").condition("release@localhost").build()))
            .isInstanceOf(LookalikeConfigurationError.class)
            .hasMessageStartingWith("IsLookalikeRelease: takes no condition, got 'release@localhost'");
    }

    @Test
    void theReleaseMatcherMatchesTheReleaseAddressOnly() throws Exception {
        IsLookalikeRelease matcher = new IsLookalikeRelease(registry);
        matcher.init(FakeMatcherConfig.builder().matcherName("IsLookalikeRelease").build());

        assertThat(matcher.match(FakeMail.builder().name("m").recipients("Release@localhost", "j.doe@army.ml").build()))
            .containsExactly(new MailAddress("Release@localhost"));
    }

    /**
     * What noConfirm keeps for an administrator is held as such: no token is sent for it, and one made with the secret
     * (leaked, or a placeholder copied from an example) releases nothing.
     */
    @Test
    void aTokenMadeForWhatIsHeldForAnAdministratorReleasesNothing() throws Exception {
        start("noConfirm", "navy.mil");
        String token = holdAndReadToken("j.doe@army.ml", "k.roe@navy.ml");
        assertThat(token).as("the token sent is army.ml's").isNotEmpty();
        HeldKey navy = heldKeyOf("navy.ml");
        assertThat(navy.kind()).isEqualTo(HeldKey.Kind.ADMIN);
        String forged = ReleaseToken.issue(SECRET, navy, "k.roe@navy.ml", SENDER, clock.instant().plus(Duration.ofHours(1)))
            .asString();

        reply(SENDER, SENDER, forged);

        assertThat(answer()).isEqualTo("Not released: this message is held for an administrator, who alone can release it");
        assertThat(released()).isZero();
        assertThat(held().size()).isEqualTo(2);
    }

    /** A token lives no longer than confirmExpiry after the mail was held, whatever expiry a token made with the secret says. */
    @Test
    void aTokenThatOutlivesTheConfiguredValidityReleasesNothing() throws Exception {
        holdAndReadToken("j.doe@army.ml");
        HeldKey army = heldKeyOf("army.ml");
        String forged = ReleaseToken.issue(SECRET, army, "j.doe@army.ml", SENDER, army.heldSince().plus(Duration.ofDays(30)))
            .asString();
        clock.advance(Duration.ofDays(2));

        reply(SENDER, SENDER, forged);

        assertThat(answer()).isEqualTo("Not released: the token is valid longer than this server now allows (confirmExpiry)");
        assertThat(released()).isZero();
    }

    /** The guard issues a token right after holding: a few minutes past confirmExpiry is its own, more is not. */
    @Test
    void aTokenMayOutliveTheHoldingByConfirmExpiryAndTheTimeItTookToIssue() throws Exception {
        holdAndReadToken("j.doe@army.ml", "k.roe@army.ml");
        List<HeldKey> keys = heldKeys();
        Duration validity = Duration.ofDays(1);

        reply(SENDER, SENDER, ReleaseToken.issue(SECRET, keys.get(0), recipientOf(keys.get(0)), SENDER,
            keys.get(0).heldSince().plus(validity).plus(Duration.ofMinutes(4))).asString());
        assertThat(answer()).startsWith("Released");
        reply(SENDER, SENDER, ReleaseToken.issue(SECRET, keys.get(1), recipientOf(keys.get(1)), SENDER,
            keys.get(1).heldSince().plus(validity).plus(Duration.ofMinutes(6))).asString());
        assertThat(answer()).isEqualTo("Not released: the token is valid longer than this server now allows (confirmExpiry)");
    }

    /** noConfirm applies to tokens sent before it was set: the guard's settings now decide. */
    @Test
    void aTokenSentBeforeNoConfirmCoveredItsNameReleasesNothing() throws Exception {
        String token = holdAndReadToken("j.doe@army.ml");
        GuardRegistry.ConfirmSettings now = registry.confirmSettingsFor(RELEASE).orElseThrow();
        GuardRegistry later = MemoryStores.registry(store, clock);
        later.registerConfirm(new GuardRegistry.ConfirmSettings(SECRET, RELEASE, Duration.ZERO, now.quarantine(),
            now.tokenValidity(), nearest -> !nearest.endsWith("mil")));
        release = new LookalikeRelease(later, new Quarantine(store, queues, new RecordingMetricFactory(), clock),
            new RecordingMetricFactory());
        release.init(FakeMailetConfig.builder().mailetName("LookalikeRelease").mailetContext(context).build());

        reply(SENDER, SENDER, token);

        assertThat(answer()).isEqualTo("Not released: this message is held for an administrator, who alone can release it");
        assertThat(released()).isZero();
    }
}
