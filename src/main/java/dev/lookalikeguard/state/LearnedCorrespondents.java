package dev.lookalikeguard.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.annotations.VisibleForTesting;

import dev.lookalikeguard.learn.Correspondent;
import dev.lookalikeguard.learn.DeliveryBuffer;
import dev.lookalikeguard.learn.LearnedNames;
import dev.lookalikeguard.learn.LearningRule;

/**
 * The learned correspondents of this James: the names its outgoing mail is really delivered to (see
 * {@link LearningRule}), shared by the matchers (which read the {@link #snapshot()}), the {@code LearnCorrespondents}
 * mailet (which {@link #record}s deliveries) and the WebAdmin routes. One Guice singleton per server.
 *
 * <ul>
 *   <li><b>Mail path:</b> {@link #record} adds a delivery to an in-memory {@link DeliveryBuffer} and
 *       {@link #snapshot()} reads an {@link AtomicReference}: no store round trip, no lock.</li>
 *   <li><b>Flush</b> (every {@code flushInterval}, 30 s by default, and when James stops): the buffered batch is
 *       merged into the store ({@link CorrespondentStore}: one entry per domain in a James mail repository) by
 *       read-modify-write. If the store fails, what was not written is put back into the buffer and written at the
 *       next flush: no mail waits for it, and no count is lost while James runs.</li>
 *   <li><b>Refresh</b> (every {@code refreshInterval}, 5 minutes by default, at start-up, and after each flush that
 *       changed a record): the snapshot is rebuilt from the records, so the deliveries every node of a cluster
 *       flushed, and the admins' pins and forgets, reach every node within one refresh interval. A refresh from
 *       the store also drops records idle for twice the rule's idle time.</li>
 * </ul>
 * Learning is on once a matcher with {@code learn: on} starts ({@link #enable}); until then nothing is recorded or
 * read. All matchers of a server share one {@link LearningRule}. Thread-safe: the background work and the admin's
 * changes are serialised on this object; the mail path takes no lock.
 */
@Singleton
public class LearnedCorrespondents {
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMinutes(5);
    private static final Logger LOGGER = LoggerFactory.getLogger(LearnedCorrespondents.class);

    private final CorrespondentStore store;
    private final Clock clock;
    private final DeliveryBuffer buffer = new DeliveryBuffer();
    private final AtomicReference<LearnedNames> snapshot = new AtomicReference<>(LearnedNames.none());
    /** What the store held at the last refresh, with this node's flushes and admin changes since. */
    private final Map<String, Correspondent> records = new HashMap<>();
    private volatile LearningRule rule;
    private String enabledBy;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> flushing;
    private ScheduledFuture<?> refreshing;
    private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
    private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;

    @Inject
    public LearnedCorrespondents(MailRepositoryStore store, Clock clock) {
        this.store = new CorrespondentStore(store, clock);
        this.clock = clock;
    }

    /**
     * Switches learning on with this rule (a matcher with {@code learn: on} starting): loads the learned names from
     * the store and starts the background flush and refresh.
     *
     * @throws IllegalArgumentException when another matcher switched it on with another rule
     */
    public synchronized void enable(LearningRule wanted, String matcher) {
        if (rule != null) {
            if (!rule.toString().equals(wanted.toString())) {
                throw new IllegalArgumentException("'" + wanted + "' differs from the threshold of " + enabledBy + " ('"
                    + rule + "'); the learned names are one list per server: give every matcher with learn: on the same "
                    + "learnThreshold");
            }
            return;
        }
        rule = wanted;
        enabledBy = matcher;
        try {
            refresh();
        } catch (MessagingException | RuntimeException e) {
            LOGGER.error("learned correspondents: cannot read {}: starting with no learned name; retried every {}",
                CorrespondentStore.PATH, refreshInterval, e);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lookalike-learning");
            thread.setDaemon(true);
            return thread;
        });
        schedule();
        LOGGER.info("learned correspondents: on ({}), {} learned names; flushed every {}, refreshed every {}", rule,
            snapshot.get().size(), flushInterval, refreshInterval);
    }

    /** Sets how often deliveries are written and the learned names re-read (the {@code LearnCorrespondents} mailet). */
    public synchronized void intervals(Duration flush, Duration refresh) {
        this.flushInterval = flush;
        this.refreshInterval = refresh;
        if (scheduler != null) {
            schedule();
        }
    }

    private void schedule() {
        if (flushing != null) {
            flushing.cancel(false);
            refreshing.cancel(false);
        }
        flushing = scheduler.scheduleWithFixedDelay(this::flushQuietly, flushInterval.toMillis(), flushInterval.toMillis(),
            TimeUnit.MILLISECONDS);
        refreshing = scheduler.scheduleWithFixedDelay(this::refreshQuietly, refreshInterval.toMillis(),
            refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isOn() {
        return rule != null;
    }

    public Optional<LearningRule> rule() {
        return Optional.ofNullable(rule);
    }

    /**
     * One recipient at {@code domain} (canonical ASCII) delivered from {@code sender}, now. In memory only: written at
     * the next flush. Nothing happens while learning is off.
     */
    public void record(String domain, String sender) {
        if (rule != null) {
            buffer.record(domain, sender, clock.instant());
        }
    }

    /** The learned names now (never null; empty while learning is off). Lock-free. */
    public LearnedNames snapshot() {
        return snapshot.get();
    }

    /** Domains recorded and not yet written to the store. */
    public int pending() {
        return buffer.pendingDomains();
    }

    /**
     * Writes what was recorded since the last flush; if the store fails, what was not written goes back into the
     * buffer for the next flush. Rebuilds the snapshot when a domain became (or stopped being) a learned name.
     *
     * @return how many domains were written
     */
    public synchronized int flush() {
        Map<String, Correspondent> batch = buffer.drain();
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, Correspondent> unwritten = new HashMap<>(batch);
        int written = 0;
        try {
            for (Correspondent record : batch.values()) {
                Correspondent merged = store.merge(record);
                unwritten.remove(record.domain());
                records.put(merged.domain(), merged);
                written++;
            }
        } catch (MessagingException | RuntimeException e) {
            buffer.putBack(unwritten);
            LOGGER.warn("learned correspondents: cannot write {} ({}): {} domains kept in memory for the next flush",
                CorrespondentStore.PATH, e.getMessage(), unwritten.size());
        }
        rebuild();
        return written;
    }

    /** Reads every record from the store, drops the obsolete ones, and rebuilds the snapshot. */
    public synchronized void refresh() throws MessagingException {
        List<Correspondent> stored = store.list();
        Instant now = clock.instant();
        records.clear();
        for (Correspondent record : stored) {
            if (rule != null && rule.obsolete(record, now)) {
                store.remove(record.domain());
                LOGGER.info("learned correspondents: {} forgotten, no mail to it since {}", record.domain(), record.lastUse());
            } else {
                records.put(record.domain(), record);
            }
        }
        rebuild();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOGGER.error("learned correspondents: flush failed", e);
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (MessagingException | RuntimeException e) {
            LOGGER.warn("learned correspondents: cannot refresh from {} ({}): keeping the {} learned names known", CorrespondentStore.PATH,
                e.getMessage(), snapshot.get().size());
        }
    }

    /** A new snapshot if the set of learned names changed. */
    private void rebuild() {
        if (rule == null) {
            return;
        }
        Instant now = clock.instant();
        Set<String> learned = new TreeSet<>();
        records.values().stream().filter(record -> rule.learns(record, now)).map(Correspondent::domain).forEach(learned::add);
        if (!learned.equals(snapshot.get().names())) {
            snapshot.set(LearnedNames.of(learned));
            LOGGER.debug("learned correspondents: {} learned names", learned.size());
        }
    }

    /** Whether this record makes its domain a learned name now (pinned, or past the threshold). */
    public boolean learns(Correspondent record) {
        return (rule != null ? rule : LearningRule.defaults()).learns(record, clock.instant());
    }

    /** Distinct days of mail to the record's domain within the rule's window (its idle time). */
    public int daysInWindow(Correspondent record) {
        LearningRule current = rule != null ? rule : LearningRule.defaults();
        return record.distinctDaysSince(clock.instant().minus(current.forgetAfter()));
    }

    // The admin's side (WebAdmin): read and written through the store, then reflected in the snapshot at once.

    /** Every record in the store (pending deliveries are written first), by domain. */
    public synchronized List<Correspondent> records() throws MessagingException {
        flush();
        refresh();
        return new ArrayList<>(new java.util.TreeMap<>(records).values());
    }

    /** One domain's record (canonical ASCII), pending deliveries written first. */
    public synchronized Optional<Correspondent> record(String domain) throws MessagingException {
        flush();
        return store.get(domain);
    }

    /** Pins a domain (canonical ASCII): learned whatever its counts, never forgotten by idleness. */
    public synchronized Correspondent pin(String domain) throws MessagingException {
        Correspondent pinned = store.get(domain).map(record -> record.withPinned(true))
            .orElse(Correspondent.pinned(domain, clock.instant()));
        store.put(pinned);
        records.put(domain, pinned);
        rebuild();
        return pinned;
    }

    /** Pins every domain (canonical ASCII) of a seed list; returns how many were not pinned before. */
    public synchronized int seed(Collection<String> domains) throws MessagingException {
        int added = 0;
        for (String domain : new TreeSet<>(domains)) {
            Optional<Correspondent> stored = store.get(domain);
            if (stored.map(Correspondent::pinned).orElse(false)) {
                continue;
            }
            Correspondent pinned = stored.map(record -> record.withPinned(true)).orElse(Correspondent.pinned(domain, clock.instant()));
            store.put(pinned);
            records.put(domain, pinned);
            added++;
        }
        rebuild();
        return added;
    }

    /**
     * Forgets a domain (canonical ASCII): its record is removed, with what this node recorded for it and had not
     * written yet; it must be learned again from nothing. False if there was neither.
     */
    public synchronized boolean forget(String domain) throws MessagingException {
        boolean removed = buffer.discard(domain);
        removed |= store.remove(domain);
        records.remove(domain);
        rebuild();
        return removed;
    }

    /** Stops the background work, writing what is still buffered (James stopping). */
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            flushing = null;
            refreshing = null;
        }
        int written = flush();
        if (written > 0) {
            LOGGER.info("learned correspondents: {} domains written on stop", written);
        }
    }

    @VisibleForTesting
    boolean running() {
        return scheduler != null;
    }
}
