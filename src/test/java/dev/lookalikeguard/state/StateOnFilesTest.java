package dev.lookalikeguard.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lookalikeguard.learn.Correspondent;
import dev.lookalikeguard.testing.FileRepositories;
import dev.lookalikeguard.testing.TestClock;

/**
 * The run-time state on James's FileMailRepository (as the sample server keeps it), read while it is written: a file
 * repository writes an entry's message before its record and removes the message before the record, so a read
 * between the two failed ("Cannot lock ... to remove it", FileNotFoundException on the message) unless every access
 * holds the entry. The allow-list is read for every recipient: a failed read there sends the mail to James's error
 * processor instead of on its way.
 */
class StateOnFilesTest {
    /** The guard's remember as configured in these tests. */
    private static final Duration REMEMBER = Duration.ofDays(365);
    private static final int ROUNDS = 400;

    /** Runs {@code reads} in a loop on another thread while {@code writes} runs here; returns what either threw. */
    private static List<Throwable> whileWriting(ThrowingRunnable reads, ThrowingRunnable writes) throws Exception {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger readRounds = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (writing.get() || readRounds.get() == 0) {
                try {
                    reads.run();
                    readRounds.incrementAndGet();
                } catch (Exception | Error e) {
                    failures.add(e);
                }
            }
        });
        reader.start();
        try {
            writes.run();
        } catch (Exception | Error e) {
            failures.add(e);
        } finally {
            writing.set(false);
            reader.join(30_000);
        }
        assertThat(readRounds.get()).as("reads done while writing").isPositive();
        return failures;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void theAllowListIsReadWholeWhileEntriesAreAddedAndRemoved(@TempDir Path directory) throws Exception {
        RuntimeAllowList allowList = new RuntimeAllowList(new FileRepositories(directory), new TestClock());
        allowList.add("kept.ml", "stays throughout");

        List<Throwable> failures = whileWriting(() -> {
            assertThat(allowList.allowing("mail.kept.ml")).contains("kept.ml");
            allowList.allowing("partner.ml");
            assertThat(allowList.list()).extracting(RuntimeAllowList.Entry::domain).contains("kept.ml");
        }, () -> {
            for (int i = 0; i < ROUNDS; i++) {
                allowList.add("partner.ml", "round " + i);
                assertThat(allowList.allowing("partner.ml")).as("just added").contains("partner.ml");
                assertThat(allowList.remove("partner.ml")).as("just added, round " + i).isTrue();
            }
        });

        assertThat(failures).isEmpty();
        assertThat(allowList.list()).extracting(RuntimeAllowList.Entry::domain).containsExactly("kept.ml");
    }

    @Test
    void anAllowListEntryRenewedWhileThePurgeRunsIsKept(@TempDir Path directory) throws Exception {
        TestClock clock = new TestClock();
        RuntimeAllowList allowList = new RuntimeAllowList(new FileRepositories(directory), clock);

        List<Throwable> failures = whileWriting(allowList::purgeExpired, () -> {
            for (int i = 0; i < ROUNDS; i++) {
                allowList.add("partner.ml", "expires at once", java.util.Optional.of(Duration.ofMillis(1)));
                clock.advance(Duration.ofMillis(2));
                allowList.add("partner.ml", "renewed");
                assertThat(allowList.allowing("partner.ml")).as("renewed, round " + i).contains("partner.ml");
            }
        });

        assertThat(failures).isEmpty();
        assertThat(allowList.list()).extracting(RuntimeAllowList.Entry::reason).containsExactly("renewed");
    }

    @Test
    void rememberedSendersAreReadWholeWhileTheyExpireAndArePurged(@TempDir Path directory) throws Exception {
        TestClock clock = new TestClock();
        RememberedSenders remembered = new RememberedSenders(new FileRepositories(directory), clock);
        remembered.remember("kept@guard.test", "army.ml", Duration.ofDays(365));

        List<Throwable> failures = whileWriting(() -> {
            assertThat(remembered.isRemembered("kept@guard.test", "army.ml", REMEMBER)).isTrue();
            remembered.isRemembered("a@guard.test", "army.ml", REMEMBER);
            remembered.purgeExpired();
        }, () -> {
            for (int i = 0; i < ROUNDS; i++) {
                remembered.remember("a@guard.test", "army.ml", Duration.ofMillis(1));
                clock.advance(Duration.ofMillis(2));
                assertThat(remembered.isRemembered("a@guard.test", "army.ml", REMEMBER)).as("expired, round " + i).isFalse();
            }
        });

        assertThat(failures).isEmpty();
        assertThat(remembered.isRemembered("kept@guard.test", "army.ml", REMEMBER)).isTrue();
    }

    @Test
    void mergesIntoOneDomainFromTwoThreadsAllCount(@TempDir Path directory) throws Exception {
        TestClock clock = new TestClock();
        CorrespondentStore store = new CorrespondentStore(new FileRepositories(directory), clock);
        Instant when = clock.instant();
        AtomicInteger readerMerges = new AtomicInteger();

        List<Throwable> failures = whileWriting(() -> {
            store.merge(Correspondent.delivery("partner.example", "reader@guard.test", when));
            readerMerges.incrementAndGet();
            store.list();
        }, () -> {
            for (int i = 0; i < ROUNDS; i++) {
                store.merge(Correspondent.delivery("partner.example", "writer@guard.test", when));
            }
        });

        assertThat(failures).isEmpty();
        Correspondent stored = store.get("partner.example").orElseThrow();
        assertThat(stored.distinctSenders()).isEqualTo(2);
        assertThat(stored.recipients()).as("every merge counted").isEqualTo(ROUNDS + readerMerges.get());
    }

    /**
     * A domain may have 253 characters; a file repository names an entry's file by its key in hexadecimal, which fits
     * about 114 characters: the allow-list and the learned correspondents keep a long domain under a digest of it.
     */
    @Test
    void longDomainsAreAllowedAndLearnedOnFilesToo(@TempDir Path directory) throws Exception {
        String long193 = "a".repeat(60) + "." + "a".repeat(60) + "." + "a".repeat(60) + ".partner.ml";
        String long132 = "a".repeat(60) + "." + "a".repeat(60) + ".partner.ml";
        TestClock clock = new TestClock();
        RuntimeAllowList allowList = new RuntimeAllowList(new FileRepositories(directory.resolve("allow")), clock);

        allowList.add(long193, "a long partner name");
        allowList.add("army.ml", "a parent");

        assertThat(allowList.allowing(long193)).contains(long193);
        assertThat(allowList.allowing(long132.replace("partner.ml", "army.ml"))).as("a long name under an allowed parent")
            .contains("army.ml");
        assertThat(allowList.list()).extracting(RuntimeAllowList.Entry::domain).containsExactly(long193, "army.ml");
        assertThat(allowList.remove(long193)).isTrue();
        assertThat(allowList.allowing(long193)).isEmpty();

        CorrespondentStore store = new CorrespondentStore(new FileRepositories(directory.resolve("learned")), clock);
        store.merge(Correspondent.delivery(long132, "colonel@guard.test", clock.instant()));
        store.merge(Correspondent.delivery("partner.example", "colonel@guard.test", clock.instant()));

        assertThat(store.get(long132)).isPresent();
        assertThat(store.list()).extracting(Correspondent::domain).containsExactly(long132, "partner.example");
        assertThat(store.remove(long132)).isTrue();
    }
}
