package dev.lookalikeguard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.Callable;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryPath;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lookalikeguard.james.RecipientIsLookalike;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.LearnedCorrespondents;
import dev.lookalikeguard.state.RememberedSenders;
import dev.lookalikeguard.state.RuntimeAllowList;
import dev.lookalikeguard.testing.FileRepositories;

/**
 * What a stopped recipient costs with 0 and with 100,000 remembered sender/domain pairs in James's file-backed
 * repository (as the sample server has it): the matcher (which reads no state), and the guard's run-time decision
 * (allow-list and remembered pair, read by key). For comparison, finding one key by listing the repository, as the
 * guard used to. Prints a table; asserts nothing. Not part of {@code mvn verify}; run it with
 * {@code mvn -o -Dtest=RunTimeStateBench -Dsurefire.failIfNoSpecifiedTests=false test}.
 */
class RunTimeStateBench {
    /** The guard's remember as configured in these tests. */
    private static final Duration REMEMBER = Duration.ofDays(365);
    private static final int PAIRS = Integer.getInteger("bench.pairs", 100_000);
    private static final String CONDITION = "suffixes: mil, gov; domains: army.mil, navy.mil, defense.gov";

    @Test
    void costPerRecipient(@TempDir Path directory) throws Exception {
        Clock clock = Clock.systemUTC();
        FileRepositories empty = new FileRepositories(Files.createDirectories(directory.resolve("empty")));
        FileRepositories full = new FileRepositories(Files.createDirectories(directory.resolve("full")));
        GuardRegistry withNone = new GuardRegistry(new RuntimeAllowList(empty, clock), new RememberedSenders(empty, clock),
            new LearnedCorrespondents(empty, clock));
        GuardRegistry withMany = new GuardRegistry(new RuntimeAllowList(full, clock), new RememberedSenders(full, clock),
            new LearnedCorrespondents(full, clock));

        long started = System.nanoTime();
        for (int i = 0; i < PAIRS; i++) {
            withMany.remembered().remember("sender" + i + "@guard.test", "d" + (i % 997) + ".army.ml", Duration.ofDays(30));
        }
        System.out.printf("stored %,d remembered pairs in %.1f s%n", PAIRS, (System.nanoTime() - started) / 1e9);
        withMany.remembered().remember("colonel@guard.test", "army.ml", Duration.ofDays(30));
        withNone.remembered().remember("colonel@guard.test", "army.ml", Duration.ofDays(30));

        RecipientIsLookalike matcherNone = matcher(withNone);
        RecipientIsLookalike matcherMany = matcher(withMany);
        FakeMail mail = FakeMail.builder().name("m").sender("colonel@guard.test").recipients("j.doe@army.ml")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("s").setText("t")).build();

        StringBuilder table = new StringBuilder("\n| per stopped recipient (median of 5 rounds of 15 batches) | 1 pair | "
            + String.format("%,d", PAIRS + 1) + " pairs |\n|---|---:|---:|\n");
        row(table, "matcher: RecipientIsLookalike.match", 2_000, () -> matcherNone.match(mail), () -> matcherMany.match(mail));
        row(table, "guard: run-time allow-list, miss (1 read by key)", 300,
            () -> withNone.allowList().allowing("army.ml"), () -> withMany.allowList().allowing("army.ml"));
        row(table, "guard: remembered pair, miss (1 read by key)", 300,
            () -> withNone.remembered().isRemembered("major@guard.test", "army.ml", REMEMBER),
            () -> withMany.remembered().isRemembered("major@guard.test", "army.ml", REMEMBER));
        row(table, "guard: remembered pair, hit (1 read by key)", 300,
            () -> withNone.remembered().isRemembered("colonel@guard.test", "army.ml", REMEMBER),
            () -> withMany.remembered().isRemembered("colonel@guard.test", "army.ml", REMEMBER));
        MailRepository emptyRepository = repository(empty);
        MailRepository fullRepository = repository(full);
        row(table, "before: find one key by listing the repository", 5,
            () -> findByListing(emptyRepository), () -> findByListing(fullRepository));
        System.out.println(table);
    }

    private static RecipientIsLookalike matcher(GuardRegistry registry) throws Exception {
        RecipientIsLookalike matcher = new RecipientIsLookalike(registry);
        matcher.init(FakeMatcherConfig.builder().matcherName("RecipientIsLookalike").condition(CONDITION).build());
        return matcher;
    }

    private static MailRepository repository(FileRepositories store) throws Exception {
        return store.select(MailRepositoryUrl.fromPathAndProtocol(new Protocol("file"),
            MailRepositoryPath.from(RememberedSenders.PATH)));
    }

    private static boolean findByListing(MailRepository repository) throws Exception {
        MailKey wanted = new MailKey("r1-not-there");
        for (Iterator<MailKey> keys = repository.list(); keys.hasNext(); ) {
            if (keys.next().equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Both variants, measured in turn over 5 rounds (so that JIT and GC weigh on both alike); the median round each. */
    private static void row(StringBuilder table, String label, int perBatch, Callable<?> few, Callable<?> many) throws Exception {
        double[] fewRounds = new double[5];
        double[] manyRounds = new double[5];
        for (int round = 0; round < fewRounds.length; round++) {
            fewRounds[round] = median(few, perBatch);
            manyRounds[round] = median(many, perBatch);
        }
        Arrays.sort(fewRounds);
        Arrays.sort(manyRounds);
        table.append(String.format("| %s | %s | %s |%n", label, format(fewRounds[2]), format(manyRounds[2])));
    }

    private static String format(double nanos) {
        return nanos >= 1_000_000 ? String.format("%.2f ms", nanos / 1e6) : String.format("%.1f µs", nanos / 1e3);
    }

    /** Median time of one call, in ns, over 15 batches after 5 warm-up batches. */
    private static double median(Callable<?> call, int perBatch) throws Exception {
        double[] batches = new double[20];
        for (int b = 0; b < batches.length; b++) {
            long started = System.nanoTime();
            for (int i = 0; i < perBatch; i++) {
                call.call();
            }
            batches[b] = (System.nanoTime() - started) / (double) perBatch;
        }
        double[] measured = Arrays.copyOfRange(batches, 5, batches.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

}
