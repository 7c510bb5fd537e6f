package dev.lookalikeguard.state;

import java.util.concurrent.locks.Lock;

import javax.mail.MessagingException;

import org.apache.james.mailrepository.api.MailRepositoryUrl;

import com.google.common.util.concurrent.Striped;

/**
 * Holding one entry of a mail repository in this JVM, for whoever stores, reads or removes it. James's
 * FileMailRepository writes an entry's message before its record and removes the message before the record, and
 * a read that meets an entry half written or half removed fails ("Cannot lock ... to remove it", or a
 * FileNotFoundException on the message; it even removes an entry whose record it cannot read): so every access to
 * an entry of the guard's repositories holds that entry. The locks are shared by every user of a repository in the
 * JVM (the matcher, the mailet, the WebAdmin routes) through one instance per kind of state, a static of the class
 * that owns it.
 *
 * <p>The locks are striped, so two entries may share one: work done while holding an entry must not hold another
 * entry of the same instance, and instances nest in one order only. The quarantine's ({@link Quarantine}) come
 * first: a release with {@code allow=true} adds to the allow-list while it holds the held entry. The run-time state's
 * ({@link StateRepository}) come last: its work only reads, writes or removes the entry it holds.
 *
 * <p>Reads exclude one another too (no shared read locks): FileMailRepository's retrieve of a key it has no entry for
 * tries to remove that key, so two looks for the same absent domain (the allow-list's usual case) clash with
 * "Cannot lock ... to remove it" unless they hold the entry one after the other. Thread-safe.
 */
final class EntryLocks {
    private final Striped<Lock> locks = Striped.lock(256);

    /** What is done to one entry while holding it. */
    interface Work<T> {
        T run() throws MessagingException;
    }

    /** Runs {@code work} holding the entry {@code key} of the repository at {@code url}. */
    <T> T holding(MailRepositoryUrl url, String key, Work<T> work) throws MessagingException {
        Lock lock = locks.get(url.asString() + "\n" + key);
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }
}
