package dev.lookalikeguard.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.internet.MimeUtility;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.memory.MailRepositoryStoreConfiguration;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryStore;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryUrlStore;
import org.apache.james.mailrepository.memory.SimpleMailRepositoryLoader;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.HeldKey;
import dev.lookalikeguard.state.LookalikeAttributes;
import dev.lookalikeguard.state.RecipientVerdict;
import dev.lookalikeguard.state.RecipientVerdicts;
import dev.lookalikeguard.state.Quarantine;
import dev.lookalikeguard.testing.MemoryStores;
import dev.lookalikeguard.testing.TestClock;

class LookalikeGuardTest {
    private static final String CONDITION = "suffixes: mil, gov; domains: army.mil, defense.gov";
    /** The server's own domain in these tests: its senders are written to; any other domain's are not. */
    private static final String LOCAL_DOMAIN = "example.gov";

    private MemoryMailRepositoryStore store;
    private RecordingMetricFactory metrics;
    private FakeMailContext context;
    private TestClock clock;
    private Quarantine quarantine;
    /** The guard's own queue, on the real clock: its delayed items stay put while the test moves {@link #clock}. */
    private org.apache.james.queue.memory.MemoryMailQueueFactory guardQueues;

    @BeforeEach
    void setUp() throws Exception {
        MailRepositoryStoreConfiguration.Item memory = new MailRepositoryStoreConfiguration.Item(
            List.of(new Protocol("memory")), "org.apache.james.mailrepository.memory.MemoryMailRepository",
            new BaseHierarchicalConfiguration());
        store = new MemoryMailRepositoryStore(new MemoryMailRepositoryUrlStore(), new SimpleMailRepositoryLoader(),
            MailRepositoryStoreConfiguration.forItems(memory));
        store.init();
        clock = new TestClock();
        metrics = new RecordingMetricFactory();
        quarantine = new Quarantine(store, MemoryStores.queues(clock), metrics, clock);
        guardQueues = MemoryStores.queues(java.time.Clock.systemUTC());
        context = FakeMailContext.builder().postmaster(new MailAddress("postmaster@example.gov")).build();
    }

    private LookalikeGuard guard(String... parameters) throws MessagingException {
        return guard(MemoryStores.registry(store, clock), parameters);
    }

    /** The test's context, where {@value #LOCAL_DOMAIN} is one of the server's own domains (the others are not). */
    private org.apache.mailet.MailetContext localContext() {
        return (org.apache.mailet.MailetContext) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {org.apache.mailet.MailetContext.class}, (proxy, method, arguments) -> {
                if (method.getName().equals("isLocalServer")) {
                    return ((org.apache.james.core.Domain) arguments[0]).asString().equals(LOCAL_DOMAIN);
                }
                try {
                    return method.invoke(context, arguments);
                } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    private LookalikeGuard guard(GuardRegistry registry, String... parameters) throws MessagingException {
        FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("LookalikeGuard").mailetContext(localContext());
        for (int i = 0; i < parameters.length; i += 2) {
            config.setProperty(parameters[i], parameters[i + 1]);
        }
        LookalikeGuard guard = new LookalikeGuard(store, metrics, registry, quarantine, guardQueues, MemoryStores::container);
        guard.init(config.build());
        return guard;
    }

    /** A mail as James hands it to the mailet: the matcher has run and split off the stopped recipients. */
    private static FakeMail matched(String sender, String... recipients) throws Exception {
        FakeMail mail = FakeMail.builder().name("mail1").sender(sender).recipients(recipients)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Travel plans").setText("Meet at 0900"))
            .build();
        RecipientIsLookalike matcher = new RecipientIsLookalike(MemoryStores.registry());
        matcher.init(FakeMatcherConfig.builder().matcherName("RecipientIsLookalike").condition(CONDITION).build());
        mail.setRecipients(matcher.match(mail));
        return mail;
    }

    @Nested
    class Bounce {

        @Test
        void sendsADeliveryStatusNotificationToTheSenderAndStopsTheMail() throws Exception {
            FakeMail mail = matched("colonel@example.gov", "j.doe@army.ml");

            guard("action", "bounce").service(mail);

            assertThat(mail.getState()).isEqualTo(Mail.GHOST);
            assertThat(context.getSentMails()).hasSize(1);
            FakeMailContext.SentMail sent = context.getSentMails().get(0);
            assertThat(sent.getRecipients()).containsExactly(new MailAddress("colonel@example.gov"));
            assertThat(sent.getSender()).as("a notice has the null sender").isNull();
            MimeMessage notice = sent.getMsg();
            assertThat(notice.getSubject()).isEqualTo("Message not sent: did you mean army.mil?");
            assertThat(notice.getContentType()).contains("multipart/report").contains("delivery-status");
            MimeMultipart parts = (MimeMultipart) notice.getContent();
            String human = (String) parts.getBodyPart(0).getContent();
            assertThat(human).contains("j.doe@army.ml").contains("Did you mean:  j.doe@army.mil ?")
                .contains("suffix ml is one edit from mil").contains("Original subject: Travel plans");
            String status = new String(parts.getBodyPart(1).getInputStream().readAllBytes());
            assertThat(status).contains("Final-Recipient: rfc822; j.doe@army.ml").contains("Action: failed")
                .contains("Status: 5.7.1");
        }

        @Test
        void speaksFrenchWhenAskedTo() throws Exception {
            guard("language", "fr").service(matched("colonel@example.gov", "j.doe@army.ml"));

            MimeMessage notice = context.getSentMails().get(0).getMsg();
            assertThat(notice.getSubject()).isEqualTo("Message non envoyé : vouliez-vous écrire army.mil ?");
            String human = (String) ((MimeMultipart) notice.getContent()).getBodyPart(0).getContent();
            assertThat(human).contains("Vouliez-vous écrire :   j.doe@army.mil ?")
                .contains("army.ml ressemble à army.mil (technique suffix-edit, score 95)")
                .contains("Objet du message d'origine : Travel plans");
            assertThat(notice.getFrom()[0].toString()).contains("postmaster@example.gov");
        }

        @Test
        void usesTheAdminsTemplate(@TempDir Path dir) throws Exception {
            Path template = Files.writeString(dir.resolve("notice.txt"), String.join("\n",
                "from-name: Guard", "subject: Check {suggestion}", "subject-other: Check {count} addresses",
                "--- body ---", "Stopped:", "{recipients}", "Ask {postmaster}.", "--- recipient ---",
                "* {recipient} -> {suggested_address} ({technique})"));

            guard("noticeTemplate", template.toString()).service(matched("colonel@example.gov", "j.doe@army.ml", "x@amry.mil"));

            MimeMessage notice = context.getSentMails().get(0).getMsg();
            assertThat(notice.getSubject()).isEqualTo("Check 2 addresses");
            assertThat((String) ((MimeMultipart) notice.getContent()).getBodyPart(0).getContent())
                .isEqualTo("Stopped:\r\n* j.doe@army.ml -> j.doe@army.mil (suffix-edit)\r\n"
                    + "* x@amry.mil -> x@army.mil (transposition)\r\nAsk postmaster@example.gov.\r\n");
        }

        @Test
        void copiesThePostmasterWhenAskedTo() throws Exception {
            guard("postmasterCopy", "true").service(matched("colonel@example.gov", "j.doe@army.ml"));

            assertThat(context.getSentMails().get(0).getRecipients())
                .containsExactly(new MailAddress("colonel@example.gov"), new MailAddress("postmaster@example.gov"));
        }

        @Test
        void copiesNothingFromTheOriginalIntoTheNoticeHeaders() throws Exception {
            FakeMail mail = FakeMail.builder().name("mail1").sender("colonel@example.gov").recipients("j.doe@army.ml")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                    .addHeader("Subject", "=?UTF-8?Q?Hi=0D=0ABcc:_spy@evil.example?=")
                    .addFrom("\"Evil\r\nBcc: spy@evil.example\" <colonel@example.gov>")
                    .setText("x"))
                .build();
            RecipientIsLookalike matcher = new RecipientIsLookalike(MemoryStores.registry());
            matcher.init(FakeMatcherConfig.builder().matcherName("m").condition(CONDITION).build());
            mail.setRecipients(matcher.match(mail));

            guard().service(mail);

            MimeMessage notice = context.getSentMails().get(0).getMsg();
            assertThat(notice.getHeader("Bcc")).isNull();
            assertThat(notice.getSubject()).isEqualTo("Message not sent: did you mean army.mil?");
            java.util.Collections.list(notice.getAllHeaderLines()).forEach(line ->
                assertThat(line).doesNotContain("spy@evil.example"));
        }

        @Test
        void aMailWithoutSenderIsHeldNotBounced() throws Exception {
            FakeMail mail = FakeMail.builder().name("mail1").recipients("j.doe@army.ml")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setText("x")).build();
            mail.setRecipients(new RecipientIsLookalike(MemoryStores.registry()) {{
                init(FakeMatcherConfig.builder().matcherName("m").condition(CONDITION).build());
            }}.match(mail));

            guard("action", "bounce").service(mail);

            assertThat(context.getSentMails()).isEmpty();
            assertThat(store.select(MailRepositoryUrl.from("memory://var/mail/quarantine")).size()).isEqualTo(1);
            assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        }

        @Test
        void anAutomaticNoticeIsHeldNotBouncedSoNoticesNeverLoop() throws Exception {
            FakeMail mail = FakeMail.builder().name("mail1").sender("robot@example.gov").recipients("j.doe@army.ml")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().addHeader("Auto-Submitted", "auto-replied").setText("x"))
                .build();
            RecipientIsLookalike matcher = new RecipientIsLookalike(MemoryStores.registry());
            matcher.init(FakeMatcherConfig.builder().matcherName("m").condition(CONDITION).build());
            mail.setRecipients(matcher.match(mail));

            guard("action", "bounce").service(mail);

            assertThat(context.getSentMails()).isEmpty();
            assertThat(store.select(MailRepositoryUrl.from("memory://var/mail/quarantine")).size()).isEqualTo(1);
            assertThat(LookalikeAttributes.action(mail)).contains("hold");
        }

        /**
         * Mail from a sender of another domain reaches a look-alike through this server only by a way that sender does
         * not choose the recipient of (a local user's forward, a relay for a local application): bouncing it would let
         * anyone make the server write, with their own subject, to an address of their choosing, and tell them where
         * the mail was going. It is held for an administrator; nothing is written to anyone.
         */
        @Test
        void aMailFromASenderOfAnotherDomainIsHeldForAnAdministratorAndNobodyIsWritten() throws Exception {
            FakeMail mail = matched("victim@example.org", "j.doe@army.ml");

            guard("action", "bounce").service(mail);

            assertThat(context.getSentMails()).isEmpty();
            assertThat(store.select(MailRepositoryUrl.from("memory://var/mail/quarantine")).size()).isEqualTo(1);
            assertThat(LookalikeAttributes.action(mail)).contains("hold");
            assertThat(mail.getState()).isEqualTo(Mail.GHOST);
            assertThat(metrics.countFor("lookalikeGuard_bounce")).isZero();
            assertThat(metrics.countFor("lookalikeGuard_hold")).isEqualTo(1);
        }

        /** The notice the sender of another domain did not get goes to the postmaster alone, with postmasterCopy. */
        @Test
        void thePostmasterIsToldOfAMailHeldForASenderOfAnotherDomain() throws Exception {
            guard("action", "bounce", "postmasterCopy", "true").service(matched("victim@example.org", "j.doe@army.ml"));

            assertThat(context.getSentMails()).singleElement().satisfies(sent ->
                assertThat(sent.getRecipients()).containsExactly(new MailAddress("postmaster@example.gov")));
            assertThat(store.select(MailRepositoryUrl.from("memory://var/mail/quarantine")).size()).isEqualTo(1);
        }

        @Test
        void countsEachStoppedRecipientByActionAndTechnique() throws Exception {
            guard("action", "bounce").service(matched("colonel@example.gov", "j.doe@army.ml", "x@amry.mil"));

            assertThat(metrics.countFor("lookalikeGuard_bounce")).isEqualTo(2);
            assertThat(metrics.countFor("lookalikeGuard_technique_suffix_edit")).isEqualTo(1);
            assertThat(metrics.countFor("lookalikeGuard_technique_transposition")).isEqualTo(1);
        }

        @Test
        void aRecipientFoundByTwoTechniquesCountsForEach() throws Exception {
            guard("action", "bounce").service(matched("colonel@example.gov", "x@amry.ml"));

            assertThat(metrics.countFor("lookalikeGuard_technique_suffix_edit")).isEqualTo(1);
            assertThat(metrics.countFor("lookalikeGuard_technique_transposition")).isEqualTo(1);
        }
    }

    @Nested
    class Hold {

        @Test
        void storesTheMailWithItsVerdictsInTheQuarantine() throws Exception {
            FakeMail mail = matched("colonel@example.gov", "j.doe@army.ml", "j.doe@army.ml");

            guard("action", "hold", "repositoryPath", "memory://var/mail/held/").service(mail);

            assertThat(mail.getState()).isEqualTo(Mail.GHOST);
            MailRepository held = store.select(MailRepositoryUrl.from("memory://var/mail/held/"));
            assertThat(held.size()).isEqualTo(1);
            Mail stored = held.retrieve(held.list().next());
            assertThat(stored.getRecipients()).containsExactly(new MailAddress("j.doe@army.ml"));
            assertThat(RecipientVerdicts.recordedOn(stored).forRecipient(new MailAddress("j.doe@army.ml"))
                .flatMap(RecipientVerdict::nearest)).contains("army.mil");
            assertThat(LookalikeAttributes.wasHeld(stored)).isTrue();
            assertThat(stored.getErrorMessage()).contains("army.ml looks like army.mil");
        }

        @Test
        void aReleasedMailGoesThroughUntouched() throws Exception {
            FakeMail mail = matched("colonel@example.gov", "j.doe@army.ml");
            LookalikeGuard guard = guard("action", "hold");
            guard.service(mail);
            mail.setState("lookalike-stopped");

            guard.service(mail);

            assertThat(mail.getState()).isEqualTo("lookalike-stopped");
            assertThat(store.select(MailRepositoryUrl.from("memory://var/mail/quarantine")).size()).isEqualTo(1);
            assertThat(metrics.countFor("lookalikeGuard_release")).as("counted when it left the quarantine, not here").isZero();
        }

        @Test
        void aRecipientWhoseCheckFailedIsHeldWhateverTheActionAndCountedAsSuch() throws Exception {
            FakeMail mail = FakeMail.builder().name("mail1").sender("colonel@example.gov").recipients("x@boom.example")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setText("x")).build();
            RecipientVerdicts.of(java.util.Map.of(new MailAddress("x@boom.example"),
                RecipientVerdict.checkFailed("boom.example", "IllegalStateException"))).recordOn(mail);

            guard("action", "bounce").service(mail);

            assertThat(context.getSentMails()).as("no notice for a check that failed").isEmpty();
            MailRepository held = store.select(MailRepositoryUrl.from("memory://var/mail/quarantine"));
            assertThat(held.size()).isEqualTo(1);
            assertThat(held.retrieve(held.list().next()).getErrorMessage()).contains("the look-alike check failed");
            assertThat(metrics.countFor("lookalikeGuard_hold")).isEqualTo(1);
            assertThat(metrics.countFor("lookalikeGuard_check_failed")).isEqualTo(1);
        }

        @Test
        void aPathUsesTheStoresDefaultProtocol() throws Exception {
            assertThat(guard("action", "hold").quarantineUrl().asString()).isEqualTo("memory://var/mail/quarantine");
        }
    }

    @Nested
    class Expiry {
        private final java.util.concurrent.atomic.AtomicBoolean spoolDown = new java.util.concurrent.atomic.AtomicBoolean();

        /** The test's {@link #localContext()}, except that sending fails while {@link #spoolDown} is set. */
        private org.apache.mailet.MailetContext context() {
            org.apache.mailet.MailetContext local = localContext();
            return (org.apache.mailet.MailetContext) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {org.apache.mailet.MailetContext.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("sendMail") && spoolDown.get()) {
                        throw new MessagingException("spool unavailable");
                    }
                    try {
                        return method.invoke(local, arguments);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        }

        private LookalikeGuard confirmGuard() throws MessagingException {
            GuardRegistry registry = MemoryStores.registry(store, clock);
            LookalikeGuard guard = new LookalikeGuard(store, metrics, registry, quarantine, guardQueues, MemoryStores::container);
            guard.init(FakeMailetConfig.builder().mailetName("LookalikeGuard").mailetContext(context())
                .setProperty("action", "confirm").setProperty("confirmSecret", "0123456789abcdef0123456789abcdef")
                .setProperty("confirmAddress", "release@example.gov").setProperty("heldExpiry", "1h").build());
            return guard;
        }

        /** Two hours later. */
        /** The expired entry stays held for an administrator: nothing sent, nothing counted as returned. */
        private void assertKeptNotReturned(MailRepository quarantine) throws Exception {
            assertThat(context.getSentMails()).isEmpty();
            assertThat(quarantine.size()).isEqualTo(1);
            assertThat(metrics.countFor("lookalikeGuard_expire")).isZero();
        }

        private MailRepository heldTwoHoursAgo() throws Exception {
            clock.advance(java.time.Duration.ofHours(2));
            return store.select(MailRepositoryUrl.from("memory://var/mail/quarantine"));
        }

        /** Hands the guard the expiry items waiting in its queue, as its consumer would when they are due. */
        private void expiryItemsComeDue(LookalikeGuard guard) throws Exception {
            org.apache.james.queue.api.ManageableMailQueue queue = guardQueues.getQueue(
                GuardQueue.nameFor(MailRepositoryUrl.from("memory://var/mail/quarantine"))).orElseThrow();
            org.apache.james.queue.api.ManageableMailQueue.MailQueueIterator items = queue.browse();
            while (items.hasNext()) {
                Mail item = items.next().getMail();
                if (item.getName().startsWith("lookalike-expire-")) {
                    assertThat(guard.queue().process(item)).as("done, not put back").isEmpty();
                }
            }
        }

        private Mail expiryItem() throws Exception {
            org.apache.james.queue.api.ManageableMailQueue.MailQueueIterator items = guardQueues.getQueue(
                GuardQueue.nameFor(MailRepositoryUrl.from("memory://var/mail/quarantine"))).orElseThrow().browse();
            while (items.hasNext()) {
                Mail item = items.next().getMail();
                if (item.getName().startsWith("lookalike-expire-")) {
                    return item;
                }
            }
            throw new AssertionError("no expiry item queued");
        }

        @Test
        void anItemThatComesEarlyIsPutBackForTheRestOfItsWait() throws Exception {
            LookalikeGuard guard = confirmGuard();
            try {
                guard.service(matched("colonel@example.gov", "j.doe@army.ml"));
                clock.advance(java.time.Duration.ofMinutes(20));

                assertThat(guard.queue().process(expiryItem())).contains(java.time.Duration.ofMinutes(40));
                assertThat(store.select(MailRepositoryUrl.from("memory://var/mail/quarantine")).size()).isEqualTo(1);
            } finally {
                guard.destroy();
            }
        }

        @Test
        void aRecipientReleasedBeforeItsExpiryIsNotReturned() throws Exception {
            LookalikeGuard guard = confirmGuard();
            try {
                guard.service(matched("colonel@example.gov", "j.doe@army.ml"));
                MailRepository quarantine = heldTwoHoursAgo();
                quarantine.removeAll();
                context.resetSentMails();

                assertThat(guard.queue().process(expiryItem())).isEmpty();

                assertThat(context.getSentMails()).isEmpty();
            } finally {
                guard.destroy();
            }
        }

        @Test
        void unconfirmedMailIsReturnedToItsSenderThenRemoved() throws Exception {
            LookalikeGuard guard = confirmGuard();
            try {
                guard.service(matched("colonel@example.gov", "j.doe@army.ml"));
                MailRepository quarantine = heldTwoHoursAgo();
                context.resetSentMails();

                expiryItemsComeDue(guard);

                assertThat(context.getSentMails()).hasSize(1);
                assertThat(context.getSentMails().get(0).getMsg().getSubject()).isEqualTo("Message not sent: did you mean army.mil?");
                assertThat(quarantine.size()).isZero();
                assertThat(metrics.countFor("lookalikeGuard_expire")).isEqualTo(1);
            } finally {
                guard.destroy();
            }
        }

        @Test
        void aNoticeThatCannotBeSentLeavesTheMailHeldForTheNextAttempt() throws Exception {
            LookalikeGuard guard = confirmGuard();
            try {
                guard.service(matched("colonel@example.gov", "j.doe@army.ml"));
                MailRepository quarantine = heldTwoHoursAgo();
                spoolDown.set(true);
                Mail item = expiryItem();

                assertThat(guard.queue().process(item)).as("put back for a retry").isPresent();

                assertThat(quarantine.size()).as("still held: nothing was returned").isEqualTo(1);
                spoolDown.set(false);
                context.resetSentMails();
                assertThat(guard.queue().process(item)).isEmpty();
                assertThat(context.getSentMails()).hasSize(1);
                assertThat(quarantine.size()).isZero();
            } finally {
                guard.destroy();
            }
        }

        @Test
        void mailFromASenderOfAnotherDomainIsHeldForAnAdministratorWithoutNoticeAndDoesNotExpire() throws Exception {
            LookalikeGuard guard = confirmGuard();
            try {
                FakeMail mail = matched("victim@example.org", "j.doe@army.ml");
                guard.service(mail);

                assertThat(context.getSentMails()).as("no release notice").isEmpty();
                assertThat(LookalikeAttributes.action(mail)).contains("hold");
                MailRepository quarantine = heldTwoHoursAgo();
                expiryItemsComeDue(guard);
                assertThat(context.getSentMails()).as("no return notice either").isEmpty();
                assertThat(quarantine.size()).as("still held, for an administrator").isEqualTo(1);
            } finally {
                guard.destroy();
            }
        }

        /** noConfirm set after a recipient was held for confirmation: at expiry it is the admin's, as its token is refused. */
        @Test
        void anEntryWhoseNameNoConfirmCoversNowIsKeptAtExpiryNotReturned() throws Exception {
            LookalikeGuard before = confirmGuard();
            before.service(matched("colonel@example.gov", "j.doe@army.ml"));
            before.destroy();
            context.resetSentMails();
            GuardRegistry registry = MemoryStores.registry(store, clock);
            LookalikeGuard now = new LookalikeGuard(store, metrics, registry, quarantine, guardQueues, MemoryStores::container);
            now.init(FakeMailetConfig.builder().mailetName("LookalikeGuard").mailetContext(context())
                .setProperty("action", "confirm").setProperty("confirmSecret", "0123456789abcdef0123456789abcdef")
                .setProperty("confirmAddress", "release@example.gov").setProperty("heldExpiry", "1h")
                .setProperty("noConfirm", "mil").build());
            try {
                MailRepository quarantine = heldTwoHoursAgo();

                expiryItemsComeDue(now);

                assertKeptNotReturned(quarantine);
            } finally {
                now.destroy();
            }
        }

        /** Held for confirmation before senders were checked so: at expiry, kept for an administrator, not returned. */
        @Test
        void anEntryHeldForConfirmationFromASenderOfAnotherDomainIsKeptAtExpiryNotReturned() throws Exception {
            LookalikeGuard guard = confirmGuard();
            try {
                FakeMail mail = matched("victim@example.org", "j.doe@army.ml");
                HeldKey key = quarantine.hold(MailRepositoryUrl.from("memory://var/mail/quarantine"),
                    mail, RecipientVerdicts.recordedOn(mail),
                    verdict -> HeldKey.Kind.CONFIRM, "confirm").get(0);
                guard.queue().scheduleExpiry(key);
                MailRepository quarantine = heldTwoHoursAgo();

                expiryItemsComeDue(guard);

                assertKeptNotReturned(quarantine);
            } finally {
                guard.destroy();
            }
        }
    }

    @Nested
    class RunTimeExceptions {
        private GuardRegistry registry;

        private LookalikeGuard guardWithState(String... parameters) throws MessagingException {
            registry = MemoryStores.registry(store, clock);
            FakeMailetConfig.Builder config = FakeMailetConfig.builder().mailetName("LookalikeGuard").mailetContext(localContext());
            for (int i = 0; i < parameters.length; i += 2) {
                config.setProperty(parameters[i], parameters[i + 1]);
            }
            LookalikeGuard guard = new LookalikeGuard(store, metrics, registry, quarantine, guardQueues, MemoryStores::container);
            guard.init(config.build());
            return guard;
        }

        @Test
        void aRecipientAllowedAtRunTimeGoesOnAndTheOthersAreHeld() throws Exception {
            LookalikeGuard guard = guardWithState("action", "hold");
            registry.allowList().add("army.ml", "partner");
            FakeMail mail = matched("colonel@example.gov", "j.doe@army.ml", "x@defnese.gov");
            mail.setState("lookalike-stopped");

            guard.service(mail);

            assertThat(mail.getState()).as("goes on to the next mailet").isEqualTo("lookalike-stopped");
            assertThat(mail.getRecipients()).containsExactly(new MailAddress("j.doe@army.ml"));
            MailRepository held = store.select(MailRepositoryUrl.from("memory://var/mail/quarantine"));
            assertThat(held.size()).isEqualTo(1);
            assertThat(held.retrieve(held.list().next()).getRecipients()).containsExactly(new MailAddress("x@defnese.gov"));
            assertThat(metrics.countFor("lookalikeGuard_allow")).isEqualTo(1);
            assertThat(metrics.countFor("lookalikeGuard_hold")).isEqualTo(1);
        }

        @Test
        void aSenderWhoConfirmedADomainBeforeIsNotAskedAgain() throws Exception {
            LookalikeGuard guard = guardWithState("action", "confirm", "confirmSecret", "0123456789abcdef0123456789abcdef",
                "confirmAddress", "release@example.gov", "remember", "30d");
            try {
                registry.remembered().remember("colonel@example.gov", "army.ml", java.time.Duration.ofDays(30));
                FakeMail mail = matched("colonel@example.gov", "j.doe@army.ml");
                mail.setState("lookalike-stopped");

                guard.service(mail);

                assertThat(mail.getState()).isEqualTo("lookalike-stopped");
                assertThat(mail.getRecipients()).containsExactly(new MailAddress("j.doe@army.ml"));
                assertThat(store.select(MailRepositoryUrl.from("memory://var/mail/quarantine")).size()).isZero();
                assertThat(context.getSentMails()).isEmpty();

                clock.advance(java.time.Duration.ofDays(31));
                FakeMail later = matched("colonel@example.gov", "j.doe@army.ml");
                guard.service(later);
                assertThat(later.getState()).isEqualTo(Mail.GHOST);
            } finally {
                guard.destroy();
            }
        }

        @Test
        void aConfirmationRememberedEarlierCountsForNothingOnceRememberIsOff() throws Exception {
            // Remembered while the guard had remember 30d; the guard now has none (the default).
            assertRememberedPairLetsNothingThrough(java.time.Duration.ZERO);
        }

        @Test
        void aConfirmationRememberedEarlierCountsForNothingForANameNoConfirmNowKeepsForAnAdministrator() throws Exception {
            assertRememberedPairLetsNothingThrough(java.time.Duration.ZERO, "remember", "30d", "noConfirm", "mil");
            assertThat(context.getSentMails()).as("held for an administrator: no token to the sender").isEmpty();
        }

        @Test
        void aConfirmationCountsNoLongerThanRememberAsConfiguredNow() throws Exception {
            // Remembered for 30 days while the guard had remember 30d, 8 days ago; remember is 7 days now.
            assertRememberedPairLetsNothingThrough(java.time.Duration.ofDays(8), "remember", "7d");
        }

        /**
         * A confirm guard with {@code more} parameters; colonel remembered for army.ml for 30 days, {@code ago}: that
         * sender's next mail to army.ml is held all the same, and no remembered pair is counted.
         */
        private void assertRememberedPairLetsNothingThrough(java.time.Duration ago, String... more) throws Exception {
            List<String> parameters = new java.util.ArrayList<>(List.of("action", "confirm", "confirmSecret",
                "0123456789abcdef0123456789abcdef", "confirmAddress", "release@example.gov"));
            parameters.addAll(List.of(more));
            LookalikeGuard guard = guardWithState(parameters.toArray(new String[0]));
            try {
                registry.remembered().remember("colonel@example.gov", "army.ml", java.time.Duration.ofDays(30));
                clock.advance(ago);
                FakeMail mail = matched("colonel@example.gov", "j.doe@army.ml");
                mail.setState("lookalike-stopped");

                guard.service(mail);

                assertThat(mail.getState()).isEqualTo(Mail.GHOST);
                assertThat(store.select(MailRepositoryUrl.from("memory://var/mail/quarantine")).size()).isEqualTo(1);
                assertThat(metrics.countFor("lookalikeGuard_remembered")).isZero();
            } finally {
                guard.destroy();
            }
        }

        @Test
        void allStoppedRecipientsAllowedMeansNothingStops() throws Exception {
            LookalikeGuard guard = guardWithState("action", "bounce");
            registry.allowList().add("army.ml", "partner");
            FakeMail mail = matched("colonel@example.gov", "j.doe@army.ml");
            mail.setState("lookalike-stopped");

            guard.service(mail);

            assertThat(mail.getState()).isEqualTo("lookalike-stopped");
            assertThat(context.getSentMails()).isEmpty();
        }
    }

    @Nested
    class Tag {

        @Test
        void addsAHeaderPerRecipientAndLetsTheMailGoOn() throws Exception {
            FakeMail mail = matched("colonel@example.gov", "j.doe@army.ml");

            guard("action", "tag", "header", "X-Lookalike").service(mail);

            assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
            String[] headers = mail.getMessage().getHeader("X-Lookalike");
            assertThat(headers).hasSize(1);
            assertThat(MimeUtility.unfold(headers[0]))
                .contains("j.doe@army.ml").contains("nearest=army.mil").contains("technique=suffix-edit")
                .doesNotContain("\r").doesNotContain("\n");
            assertThat(context.getSentMails()).isEmpty();
        }
    }

    @Nested
    class Parameters {

        @ParameterizedTest(name = "{0}={1} is refused naming {0}")
        @CsvSource({
            "action,     drop,          parameter 'action' is 'drop'; expected bounce, hold, tag or confirm",
            "status,     4.1.1,         parameter 'status' is '4.1.1'",
            "header,     X Bad Header,  parameter 'header' is 'X Bad Header'",
            "attachment, everything,    parameter 'attachment' is 'everything'",
            "repositoryPath, bogus://x/, parameter 'repositoryPath': cannot open mail repository",
            "colour,     red,           LookalikeGuard: Unexpected init parameters found: [colour]; expected action, attachment",
            "language,   de,            parameter 'language' is 'de'; expected one of [en, fr]",
            "postmasterCopy, maybe,     parameter 'postmasterCopy' is 'maybe'; expected true or false",
            "noticeTemplate, /nonexistent/notice.txt, parameter 'noticeTemplate': '/nonexistent/notice.txt' cannot be read",
            "confirmSecret, 0123456789abcdef, parameter 'confirmSecret' only applies to action confirm",
        })
        void badValuesFailInit(String name, String value, String message) {
            assertThatThrownBy(() -> guard(name, value))
                .isInstanceOf(LookalikeConfigurationError.class)
                .hasMessageContaining(message);
        }

        @Test
        void aTemplateWithAnUnknownPlaceholderIsRefused(@TempDir Path dir) throws Exception {
            Path template = Files.writeString(dir.resolve("notice.txt"), String.join("\n",
                "from-name: Guard", "subject: Check {suggestion}", "subject-other: Check",
                "--- body ---", "{recipients}", "--- recipient ---", "* {recipeint}"));

            assertThatThrownBy(() -> guard("noticeTemplate", template.toString()))
                .hasMessageContaining("parameter 'noticeTemplate'").hasMessageContaining("unknown placeholder {recipeint}");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"memory://var/mail/quarantine/", "memory://var//mail/quarantine", "var/mail/./quarantine",
            "memory://var/mail/../mail/quarantine/"})
        void aSecondGuardOnTheSameQuarantineHoweverItIsSpeltIsRefused(String spelling) throws Exception {
            GuardRegistry registry = MemoryStores.registry(store, clock);
            LookalikeGuard first = guard(registry, "action", "hold", "repositoryPath", "memory://var/mail/quarantine");
            try {
                assertThatThrownBy(() -> guard(registry, "action", "hold", "repositoryPath", spelling))
                    .isInstanceOf(LookalikeConfigurationError.class)
                    .hasMessageContaining("memory://var/mail/quarantine is the quarantine of another LookalikeGuard already");
            } finally {
                first.destroy();
            }
        }

        @Test
        void aConfirmGuardInAContainerWithoutTheReleaseMailetIsRefused() {
            // The release mailet in relay, which only remote mail passes: a reply to the release address never reaches it.
            MailetContainerLayout withoutRelease = MailetContainerLayout.of(new java.util.TreeMap<>(Map.of(
                "transport", List.of("RemoveMimeHeader", "ToProcessor"), "relay", List.of("LookalikeRelease", "RemoteDelivery"),
                "lookalike-stopped", List.of("LookalikeGuard"))));
            LookalikeGuard guard = new LookalikeGuard(store, metrics, MemoryStores.registry(store, clock), quarantine,
                guardQueues, () -> withoutRelease);
            FakeMailetConfig config = FakeMailetConfig.builder().mailetName("LookalikeGuard").mailetContext(localContext())
                .setProperty("action", "confirm").setProperty("confirmSecret", "0123456789abcdef")
                .setProperty("confirmAddress", "release@example.gov").build();

            assertThatThrownBy(() -> guard.init(config))
                .isInstanceOf(LookalikeConfigurationError.class)
                .hasMessageContaining("action confirm needs the release mailet where replies pass");
        }

        @Test
        void anEmptyNoticeTemplateIsRefusedNotReadAsTheBuiltInNotice() {
            assertThatThrownBy(() -> guard("noticeTemplate", " "))
                .isInstanceOf(LookalikeConfigurationError.class)
                .hasMessageContaining("parameter 'noticeTemplate' is empty; expected the path of a notice template file");
        }

        @ParameterizedTest(name = "confirm with {0}")
        @CsvSource(delimiter = '|', value = {
            "confirmAddress=r@guard.test                                         | parameter 'confirmSecret' is required",
            "confirmSecret=short,confirmAddress=r@guard.test                     | at least 16 characters",
            "confirmSecret=0123456789abcdef                                      | parameter 'confirmAddress' is required",
            "confirmSecret=0123456789abcdef,confirmAddress=not an address        | parameter 'confirmAddress' is 'not an address'",
            "confirmSecret=0123456789abcdef,confirmAddress=r@guard.test,heldExpiry=soon | parameter 'heldExpiry' is 'soon'; expected a duration",
            "confirmSecret=0123456789abcdef,confirmAddress=r@guard.test,heldExpiry=30 | parameter 'heldExpiry' is '30'; expected a duration with its unit",
            "confirmSecret=0123456789abcdef,confirmAddress=r@guard.test,confirmExpiry=3 fortnights | parameter 'confirmExpiry' is '3 fortnights'; expected a duration",
            "confirmSecret=0123456789abcdef,confirmAddress=r@guard.test,heldExpiry=0s | parameter 'heldExpiry' is zero",
            "confirmSecret=0123456789abcdef,confirmAddress=r@guard.test,noConfirm=xn--zz | parameter 'noConfirm': 'xn--zz' is",
            "confirmSecret=output of: openssl rand -hex 32,confirmAddress=r@example.gov | parameter 'confirmSecret' does not look random",
            "confirmSecret=aaaaaaaaaaaaaaaaaaaa,confirmAddress=r@example.gov     | parameter 'confirmSecret' does not look random",
            "confirmSecret=abababababababab,confirmAddress=r@example.gov         | parameter 'confirmSecret' does not look random",
            "confirmSecret=0123456789abcdef,confirmAddress=r@guard.tset          | parameter 'confirmAddress': r@guard.tset is not an address of this server's domains",
            "confirmSecret=0123456789abcdef,confirmAddress=postmaster@example.gov | parameter 'confirmAddress': postmaster@example.gov is a postmaster's address",
            "confirmSecret=0123456789abcdef,confirmAddress=PostMaster@example.gov | parameter 'confirmAddress': PostMaster@example.gov is a postmaster's address",
            "confirmSecret=0123456789abcdef,confirmAddress=r@example.gov,noConfirm=mil navy.mill | parameter 'noConfirm': 'navy.mill' is under no real top-level domain",
            "confirmSecret=0123456789abcdef,confirmAddress=r@example.gov,noConfirm=   | parameter 'noConfirm' is empty",
            "confirmSecret=0123456789abcdef,confirmAddress=r@example.gov,confirmTemplate= | parameter 'confirmTemplate' is empty",
        })
        void confirmParametersAreValidated(String parameters, String message) {
            List<String> pairs = new java.util.ArrayList<>(List.of("action", "confirm"));
            for (String pair : parameters.split(",")) {
                pairs.add(pair.substring(0, pair.indexOf('=')));
                pairs.add(pair.substring(pair.indexOf('=') + 1));
            }
            assertThatThrownBy(() -> guard(pairs.toArray(new String[0])))
                .isInstanceOf(LookalikeConfigurationError.class)
                .hasMessageContaining(message);
        }

        @Test
        void aNoConfirmEntryThatIsALookalikeForADeployedMatcherIsRefused() throws Exception {
            GuardRegistry registry = MemoryStores.registry(store, clock);
            registry.deploy("RecipientIsLookalike", CONDITION);

            assertThatThrownBy(() -> guard(registry, "action", "confirm", "confirmSecret", "0123456789abcdef",
                "confirmAddress", "release@example.gov", "noConfirm", "defense.gov, amry.mil"))
                .isInstanceOf(LookalikeConfigurationError.class)
                .hasMessageContaining("parameter 'noConfirm': 'amry.mil' is itself a look-alike of army.mil for RecipientIsLookalike");
            GuardRegistry another = MemoryStores.registry(store, clock);
            another.deploy("RecipientIsLookalike", CONDITION);
            guard(another, "action", "confirm", "confirmSecret", "0123456789abcdef", "confirmAddress", "release@example.gov",
                "noConfirm", "mil, defense.gov").destroy();
        }

        /** James may start the guard before the matcher (a processor declared above the one with the matcher). */
        @Test
        void aNoConfirmEntryIsCheckedByAMatcherStartedAfterTheGuardToo() throws Exception {
            GuardRegistry registry = MemoryStores.registry(store, clock);
            guard(registry, "action", "confirm", "confirmSecret", "0123456789abcdef", "confirmAddress", "release@example.gov",
                "noConfirm", "amry.mil").destroy();
            RecipientIsLookalike matcher = new RecipientIsLookalike(registry);

            assertThatThrownBy(() -> matcher.init(FakeMatcherConfig.builder().matcherName("RecipientIsLookalike")
                .condition(CONDITION).build()))
                .hasMessageContaining("parameter 'noConfirm': 'amry.mil' is itself a look-alike of army.mil for RecipientIsLookalike #1");
        }

        @Test
        void durationsAreReadAsJamesReadsThem() throws Exception {
            assertThat(GuardConfiguration.duration("x", "30s", null)).hasSeconds(30);
            assertThat(GuardConfiguration.duration("x", "15m", null)).hasMinutes(15);
            assertThat(GuardConfiguration.duration("x", "12h", null)).hasHours(12);
            assertThat(GuardConfiguration.duration("x", "7d", null)).hasDays(7);
            assertThat(GuardConfiguration.duration("x", "2w", null)).hasDays(14);
            assertThat(GuardConfiguration.duration("x", " 7 days ", null)).hasDays(7);
            assertThat(GuardConfiguration.duration("x", null, java.time.Duration.ofHours(1))).hasHours(1);
        }

        @Test
        void defaultsToBounce() throws Exception {
            GuardConfiguration configuration = guard().configuration();

            assertThat(configuration.action()).isEqualTo(GuardAction.BOUNCE);
            assertThat(configuration.status()).isEqualTo("5.7.1");
            assertThat(configuration.header()).isEqualTo("X-Lookalike-Guard");
        }

        @Test
        void twoGuardsCannotShareAQuarantine() throws Exception {
            GuardRegistry registry = MemoryStores.registry(store, clock);
            guard(registry, "action", "bounce");

            assertThatThrownBy(() -> guard(registry, "action", "hold"))
                .isInstanceOf(LookalikeConfigurationError.class)
                .hasMessageContaining("parameter 'repositoryPath': memory://var/mail/quarantine is the quarantine of another "
                    + "LookalikeGuard already");
            guard(registry, "action", "hold", "repositoryPath", "memory://var/mail/held/");
        }

        @Test
        void twoGuardsCannotShareAReleaseAddress() throws Exception {
            GuardRegistry registry = MemoryStores.registry(store, clock);
            LookalikeGuard first = guard(registry, "action", "confirm", "confirmSecret", "0123456789abcdef",
                "confirmAddress", "release@example.gov");
            try {
                assertThatThrownBy(() -> guard(registry, "action", "confirm", "confirmSecret", "0123456789abcdef",
                    "confirmAddress", "Release@example.gov", "repositoryPath", "memory://var/mail/held/"))
                    .isInstanceOf(LookalikeConfigurationError.class)
                    .hasMessageContaining("parameter 'confirmAddress': Release@example.gov is the release address of another "
                        + "LookalikeGuard already");
            } finally {
                first.destroy();
            }
        }

        @Test
        void acceptsJamesErrorHandlingParameters() throws Exception {
            assertThat(guard("onMailetException", "propagate").configuration().action()).isEqualTo(GuardAction.BOUNCE);
        }
    }
}
