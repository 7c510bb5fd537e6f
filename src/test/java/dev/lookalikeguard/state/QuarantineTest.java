package dev.lookalikeguard.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryStore;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.server.core.MailImpl;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.memory.MemoryMailQueueFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import dev.lookalikeguard.testing.FileRepositories;
import dev.lookalikeguard.testing.MemoryStores;
import dev.lookalikeguard.testing.TestClock;
import reactor.core.publisher.Flux;

class QuarantineTest {
    private static final MailRepositoryUrl URL = MailRepositoryUrl.from("memory://var/mail/quarantine/");

    private MemoryMailRepositoryStore store;
    private MemoryMailQueueFactory queues;
    private Quarantine quarantine;
    private RecordingMetricFactory metrics;

    @BeforeEach
    void setUp() throws Exception {
        store = MemoryStores.repositoryStore();
        TestClock clock = new TestClock();
        queues = MemoryStores.queues(clock);
        metrics = new RecordingMetricFactory();
        quarantine = new Quarantine(store, queues, metrics, clock);
    }

    private static FakeMail mail(String... recipients) throws Exception {
        return FakeMail.builder().name("mail1").sender("colonel@guard.test").recipients(recipients)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Orders").setText("0900")).build();
    }

    private static RecipientVerdicts stopped(String... recipients) throws Exception {
        Map<MailAddress, RecipientVerdict> stopped = new LinkedHashMap<>();
        for (String recipient : recipients) {
            MailAddress address = new MailAddress(recipient);
            stopped.put(address, RecipientVerdict.lookalike(address.getDomain().asString(), "army.mil", "army.mil",
                List.of("suffix-edit"), 95, address.getDomain().asString() + " looks like army.mil"));
        }
        return RecipientVerdicts.of(stopped);
    }

    private MailRepository repository() throws Exception {
        return store.select(URL);
    }

    @Nested
    class Holding {

        @Test
        void holdsEachRecipientAsItsOwnEntryAndLeavesTheMailAsItWas() throws Exception {
            FakeMail mail = mail("a@army.ml", "b@navy.ml");

            List<HeldKey> keys = quarantine.hold(URL, mail, stopped("a@army.ml", "b@navy.ml"), verdict -> HeldKey.Kind.CONFIRM, "confirm");

            assertThat(keys).hasSize(2);
            assertThat(keys.get(0).mailId()).isEqualTo(keys.get(1).mailId());
            assertThat(repository().size()).isEqualTo(2);
            HeldMail first = quarantine.read(URL, keys.get(0).asString()).orElseThrow();
            assertThat(first.recipients()).containsExactly(new MailAddress("a@army.ml"));
            assertThat(first.sender()).isEqualTo("colonel@guard.test");
            assertThat(first.subject()).isEqualTo("Orders");
            assertThat(first.error()).isEqualTo("army.ml looks like army.mil");
            assertThat(first.kind()).isEqualTo(HeldKey.Kind.CONFIRM);
            assertThat(mail.getName()).isEqualTo("mail1");
            assertThat(mail.getRecipients()).hasSize(2);
            assertThat(LookalikeAttributes.wasHeld(mail)).isTrue();
        }
    }

    @Nested
    class Ending {

        @Test
        void endsAHoldOnceHoweverManyEndingsRaceForIt() throws Exception {
            HeldKey key = quarantine.hold(URL, mail("a@army.ml"), stopped("a@army.ml"), verdict -> HeldKey.Kind.CONFIRM, "confirm").get(0);
            AtomicInteger ran = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Quarantine.Outcome>> outcomes = new ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return quarantine.end(URL, key.asString(), held -> {
                            ran.incrementAndGet();
                            return Quarantine.Ending.ENDED;
                        });
                    }));
                }
                start.countDown();
                List<Quarantine.Outcome> results = new ArrayList<>();
                for (Future<Quarantine.Outcome> outcome : outcomes) {
                    results.add(outcome.get(10, TimeUnit.SECONDS));
                }

                assertThat(ran).hasValue(1);
                assertThat(results).containsOnlyOnce(Quarantine.Outcome.ENDED);
                assertThat(results).filteredOn(Quarantine.Outcome.NOT_HELD::equals).hasSize(15);
                assertThat(repository().size()).isZero();
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void anEndingThatFailsOrKeepsLeavesTheRecipientHeld() throws Exception {
            HeldKey key = quarantine.hold(URL, mail("a@army.ml"), stopped("a@army.ml"), verdict -> HeldKey.Kind.ADMIN, "hold").get(0);

            assertThatThrownBy(() -> quarantine.end(URL, key.asString(), held -> {
                throw new MessagingException("spool down");
            })).hasMessage("spool down");
            assertThat(quarantine.end(URL, key.asString(), held -> Quarantine.Ending.KEPT)).isEqualTo(Quarantine.Outcome.KEPT);

            assertThat(repository().size()).isEqualTo(1);
        }

        @Test
        void releasingOneRecipientLeavesTheOtherHeld() throws Exception {
            List<HeldKey> keys = quarantine.hold(URL, mail("a@army.ml", "b@navy.ml"), stopped("a@army.ml", "b@navy.ml"),
                verdict -> HeldKey.Kind.CONFIRM, "confirm");

            quarantine.end(URL, keys.get(0).asString(), held -> {
                quarantine.spool(held, Mail.DEFAULT);
                return Quarantine.Ending.ENDED;
            });

            assertThat(quarantine.keys(URL)).containsExactly(keys.get(1).asString());
            MailQueue spool = queues.createQueue(MailQueueFactory.SPOOL);
            MailQueue.MailQueueItem item = Flux.from(spool.deQueue()).blockFirst(java.time.Duration.ofSeconds(5));
            assertThat(item.getMail().getRecipients()).containsExactly(new MailAddress("a@army.ml"));
            assertThat(item.getMail().getState()).isEqualTo(Mail.DEFAULT);
            assertThat(LookalikeAttributes.wasHeld(item.getMail())).as("let through wherever it goes").isTrue();
            assertThat(item.getMail().getName()).isNotEqualTo(keys.get(0).asString());
            assertThat(metrics.countFor(Quarantine.RELEASE_METRIC)).isEqualTo(1);
        }

        /**
         * Keys come from whoever asks (a WebAdmin path, a token in a reply): one longer than any entry's is not held,
         * and does not reach a file repository, which fails on names longer than a file name may be.
         */
        @ParameterizedTest
        @ValueSource(ints = {101, 114, 115, 400})
        void aKeyLongerThanAnyEntrysIsNotHeldNotAFailure(int length, @TempDir Path directory) throws Exception {
            MailRepositoryUrl url = MailRepositoryUrl.from("file://var/mail/quarantine");
            Quarantine onFiles = new Quarantine(new FileRepositories(directory), queues, metrics, new TestClock());
            Mail mail = MailImpl.builder().name("mail1").sender("colonel@guard.test").addRecipients("a@army.ml")
                .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Orders").setText("0900")).build();
            String held = onFiles.hold(url, mail, stopped("a@army.ml"), verdict -> HeldKey.Kind.ADMIN, "hold").get(0).asString();
            for (String key : List.of("h".repeat(length), "\u20ac".repeat(length / 3), "h\n".repeat(length / 2))) {
                assertThat(onFiles.read(url, key)).isEmpty();
                assertThat(onFiles.end(url, key, entry -> Quarantine.Ending.ENDED)).isEqualTo(Quarantine.Outcome.NOT_HELD);
            }
            assertThat(onFiles.read(url, held)).as("a real key is still read").isPresent();
            assertThat(onFiles.read(url, "h".repeat(100))).as("a key of the longest length is looked up").isEmpty();
        }

        /**
         * A file repository removes an entry's message before its record: a listing that reads an entry while an
         * ending (an expiry, a release) removes it must find it whole or not at all, never half removed.
         */
        @Test
        void aReadWhileAnEndingRemovesTheEntryFindsItWholeOrNotAtAll(@TempDir Path directory) throws Exception {
            MailRepositoryUrl url = MailRepositoryUrl.from("file://var/mail/quarantine");
            Quarantine onFiles = new Quarantine(new FileRepositories(directory), queues, metrics, new TestClock());
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Mail mail = MailImpl.builder().name("mail" + i).sender("colonel@guard.test").addRecipients("a@army.ml")
                    .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("Orders").setText("0900")).build();
                keys.add(onFiles.hold(url, mail, stopped("a@army.ml"), verdict -> HeldKey.Kind.ADMIN, "hold").get(0).asString());
            }
            AtomicBoolean ending = new AtomicBoolean(true);
            List<Throwable> failures = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    while (ending.get()) {
                        for (String key : onFiles.keys(url)) {
                            onFiles.read(url, key);
                        }
                    }
                } catch (Exception | Error e) {
                    failures.add(e);
                }
            });
            reader.start();
            try {
                for (String key : keys) {
                    onFiles.end(url, key, held -> Quarantine.Ending.ENDED);
                }
            } finally {
                ending.set(false);
                reader.join(10_000);
            }

            assertThat(failures).isEmpty();
            assertThat(onFiles.keys(url)).isEmpty();
        }

        @Test
        void thereIsNothingToEndOnceEnded() throws Exception {
            HeldKey key = quarantine.hold(URL, mail("a@army.ml"), stopped("a@army.ml"), verdict -> HeldKey.Kind.ADMIN, "hold").get(0);
            quarantine.end(URL, key.asString(), held -> Quarantine.Ending.ENDED);

            assertThat(quarantine.end(URL, key.asString(), held -> Quarantine.Ending.ENDED)).isEqualTo(Quarantine.Outcome.NOT_HELD);
            assertThat(quarantine.read(URL, key.asString())).isEmpty();
        }
    }
}
