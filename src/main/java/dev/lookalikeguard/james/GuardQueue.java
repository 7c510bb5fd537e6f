package dev.lookalikeguard.james;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.mail.MessagingException;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueName;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.annotations.VisibleForTesting;
import com.google.common.hash.Hashing;

import dev.lookalikeguard.state.HeldKey;
import dev.lookalikeguard.state.Quarantine;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The guard's background work as delayed items of a James {@link MailQueue}, consumed the way RemoteDelivery consumes
 * its outgoing queue: each node dequeues, and the queue hands each item to one consumer, so in a clustered James
 * (RabbitMQ queue) the work is done once per cluster, not once per node, and there is no thread per node polling.
 *
 * <ul>
 *   <li>an "expire" item per recipient held for confirmation, due when its {@code heldExpiry} is over: the recipient
 *       is then returned to its sender (notice first, removal after, through {@link Quarantine#end}, so it is not
 *       returned if it was released meanwhile, and stays held if the notice cannot be sent);</li>
 *   <li>one recurring "purge" item that removes expired remembered senders and run-time allow entries.</li>
 * </ul>
 * Times are decided with the injected {@link Clock}: an item that comes early (a delay longer than {@value #MAX_DELAY_DAYS}
 * day is enqueued in steps, and clocks differ between nodes) is put back for the rest of its wait. A queue that loses
 * its items (the memory server's, on restart or crash) is refilled from the quarantine on start-up ({@link #recover}).
 */
final class GuardQueue {
    private static final Logger LOGGER = LoggerFactory.getLogger(GuardQueue.class);
    static final int MAX_DELAY_DAYS = 1;
    private static final Duration MAX_DELAY = Duration.ofDays(MAX_DELAY_DAYS);
    private static final Duration FIRST_PURGE = Duration.ofMinutes(1);
    private static final Duration PURGE_PERIOD = Duration.ofDays(1);
    private static final AttributeName KIND = AttributeName.of("dev.lookalikeguard.queue.kind");
    private static final AttributeName KEY = AttributeName.of("dev.lookalikeguard.queue.key");
    private static final String EXPIRE = "expire";
    private static final String PURGE = "purge";
    private static final String PURGE_NAME = "lookalike-purge";

    /** Returns one expired held recipient to its sender, inside {@link Quarantine#end}. */
    @FunctionalInterface
    interface Returner {
        Quarantine.Ending returnExpired(String key, Mail held) throws MessagingException;
    }

    /** Removes expired run-time state; returns how many entries. */
    @FunctionalInterface
    interface Purger {
        int purge() throws MessagingException;
    }

    private final MailQueue queue;
    private final Quarantine quarantine;
    private final MailRepositoryUrl quarantineUrl;
    private final Optional<Duration> heldExpiry;
    private final Returner returner;
    private final Purger purger;
    private final Clock clock;
    private Scheduler processing;
    private Disposable consumer;

    GuardQueue(MailQueueFactory<?> queues, Quarantine quarantine, MailRepositoryUrl quarantineUrl,
               Optional<Duration> heldExpiry, Returner returner, Purger purger) {
        this.queue = queues.createQueue(nameFor(quarantineUrl));
        this.quarantine = quarantine;
        this.quarantineUrl = quarantineUrl;
        this.heldExpiry = heldExpiry;
        this.returner = returner;
        this.purger = purger;
        this.clock = quarantine.clock();
    }

    /** The queue of the guard holding mail in this quarantine: the same name on every node. */
    static MailQueueName nameFor(MailRepositoryUrl quarantineUrl) {
        return MailQueueName.of("lookalike-guard-" + Hashing.sha256().hashUnencodedChars(quarantineUrl.asString())
            .toString().substring(0, 12));
    }

    /** Refills the queue, then starts consuming it. */
    void start() {
        recover();
        processing = Schedulers.newBoundedElastic(2, 1000, "lookalike-guard-queue");
        consumer = Flux.from(queue.deQueue())
            .flatMap(item -> Mono.fromRunnable(() -> consume(item)).subscribeOn(processing), 2)
            .onErrorContinue((error, item) -> LOGGER.error("look-alike guard queue {}: an item failed", queue.getName(), error))
            .subscribe();
        LOGGER.info("LookalikeGuard queue {} started for {}", queue.getName().asString(), quarantineUrl.asString());
    }

    void stop() {
        if (consumer != null) {
            consumer.dispose();
        }
        if (processing != null) {
            processing.dispose();
        }
    }

    /** Schedules the return of a recipient just held for confirmation. */
    void scheduleExpiry(HeldKey key) throws MessagingException {
        if (heldExpiry.isPresent()) {
            enqueue(EXPIRE, key.asString(), Duration.between(clock.instant(), key.heldSince().plus(heldExpiry.get())));
        }
    }

    /**
     * Makes sure every recipient held for confirmation has its expiry item, and that the purge item exists: a queue
     * that keeps its items across restarts (RabbitMQ) has them already; the memory server's queue starts empty. Reads
     * only the quarantine's keys (they carry the holding time) and, where the queue can be browsed, the queue's names.
     */
    void recover() {
        try {
            Set<String> queued = queuedNames();
            int scheduled = 0;
            if (heldExpiry.isPresent()) {
                for (String key : quarantine.keys(quarantineUrl)) {
                    Optional<HeldKey> held = HeldKey.parse(key);
                    if (held.isPresent() && held.get().kind() == HeldKey.Kind.CONFIRM && !queued.contains(itemName(EXPIRE, key))) {
                        scheduleExpiry(held.get());
                        scheduled++;
                    }
                }
            }
            if (!queued.contains(PURGE_NAME)) {
                enqueue(PURGE, "", FIRST_PURGE);
            }
            if (scheduled > 0) {
                LOGGER.info("LookalikeGuard queue {}: scheduled the expiry of {} held recipient(s) found in {} (the queue did "
                    + "not have them, e.g. after a restart of a server whose queues are in memory)", queue.getName().asString(),
                    scheduled, quarantineUrl.asString());
            }
        } catch (MessagingException | RuntimeException e) {
            LOGGER.error("LookalikeGuard queue {}: could not refill it from {}; held mail found there will not expire on its "
                + "own until the next start", queue.getName().asString(), quarantineUrl.asString(), e);
        }
    }

    private Set<String> queuedNames() throws MailQueue.MailQueueException {
        Set<String> names = new HashSet<>();
        if (queue instanceof ManageableMailQueue) {
            ManageableMailQueue.MailQueueIterator items = ((ManageableMailQueue) queue).browse();
            try {
                while (items.hasNext()) {
                    names.add(items.next().getMail().getName());
                }
            } finally {
                items.close();
            }
        }
        return names;
    }

    private void consume(MailQueue.MailQueueItem item) {
        Mail mail = item.getMail();
        try {
            Optional<Duration> again = process(mail);
            if (again.isPresent()) {
                enqueue(text(mail, KIND), text(mail, KEY), again.get());
            }
            item.done(MailQueue.MailQueueItem.CompletionStatus.SUCCESS);
        } catch (MessagingException | RuntimeException e) {
            LOGGER.error("look-alike guard queue {}: could not handle {}; it is retried", queue.getName(), mail.getName(), e);
            try {
                item.done(MailQueue.MailQueueItem.CompletionStatus.RETRY);
            } catch (MailQueue.MailQueueException retry) {
                LOGGER.error("look-alike guard queue {}: could not retry {}", queue.getName(), mail.getName(), retry);
            }
        } finally {
            LifecycleUtil.dispose(mail);
        }
    }

    /** Does what an item asks if it is due; returns when to see it again, if ever. */
    @VisibleForTesting
    Optional<Duration> process(Mail item) {
        String kind = text(item, KIND);
        if (kind.equals(PURGE)) {
            try {
                int purged = purger.purge();
                if (purged > 0) {
                    LOGGER.info("action=purge entries={}: expired remembered senders and run-time allow entries removed", purged);
                }
            } catch (MessagingException | RuntimeException e) {
                LOGGER.error("LookalikeGuard could not purge expired run-time state; will try again", e);
            }
            return Optional.of(PURGE_PERIOD);
        }
        String key = text(item, KEY);
        Optional<HeldKey> held = HeldKey.parse(key);
        if (!kind.equals(EXPIRE) || held.isEmpty() || heldExpiry.isEmpty()) {
            LOGGER.warn("look-alike guard queue {}: dropping an item it does not understand: {} {}", queue.getName(), kind, key);
            return Optional.empty();
        }
        Instant due = held.get().heldSince().plus(heldExpiry.get());
        Instant now = clock.instant();
        if (now.isBefore(due)) {
            return Optional.of(Duration.between(now, due));
        }
        try {
            quarantine.end(quarantineUrl, key, mail -> returner.returnExpired(key, mail));
            return Optional.empty();
        } catch (MessagingException | RuntimeException e) {
            Duration retry = retryDelay(heldExpiry.get());
            LOGGER.error("LookalikeGuard could not return expired held mail {} to its sender; it stays held and is tried "
                + "again in {}", key, retry, e);
            return Optional.of(retry);
        }
    }

    private static Duration retryDelay(Duration heldExpiry) {
        Duration quarter = heldExpiry.dividedBy(4);
        Duration min = Duration.ofSeconds(1);
        Duration max = Duration.ofMinutes(1);
        return quarter.compareTo(min) < 0 ? min : quarter.compareTo(max) > 0 ? max : quarter;
    }

    private void enqueue(String kind, String key, Duration delay) throws MessagingException {
        Duration wait = delay.isNegative() ? Duration.ZERO : delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
        MailImpl item = MailImpl.builder()
            .name(itemName(kind, key))
            .mimeMessage(placeholder(kind))
            .addAttribute(new Attribute(KIND, AttributeValue.of(kind)))
            .addAttribute(new Attribute(KEY, AttributeValue.of(key)))
            .build();
        try {
            queue.enQueue(item, wait);
        } finally {
            item.dispose();
        }
    }

    private static String itemName(String kind, String key) {
        return kind.equals(PURGE) ? PURGE_NAME : "lookalike-" + kind + "-" + key;
    }

    private static javax.mail.internet.MimeMessage placeholder(String kind) throws MessagingException {
        javax.mail.internet.MimeMessage message = new javax.mail.internet.MimeMessage(
            javax.mail.Session.getInstance(new java.util.Properties()));
        message.setSubject("look-alike guard " + kind);
        message.setText(kind);
        message.saveChanges();
        return message;
    }

    private static String text(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(Attribute::getValue).map(AttributeValue::value).map(String::valueOf).orElse("");
    }
}
