package dev.lookalikeguard.learn;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deliveries recorded on the mail path, merged in memory per domain, and handed over in batches to whatever
 * stores them ({@link #drain()}), so that counting costs no store round trip per recipient. Thread-safe: many
 * spool threads record while one flusher drains.
 */
public final class DeliveryBuffer {
    private final ConcurrentHashMap<String, Correspondent> pending = new ConcurrentHashMap<>();

    /** One recipient at {@code domain} delivered from {@code sender} at {@code when}. */
    public void record(String domain, String sender, Instant when) {
        pending.merge(domain, Correspondent.delivery(domain, sender, when), Correspondent::merge);
    }

    /** Everything recorded since the last drain, per domain; the buffer is empty afterwards (for those domains). */
    public Map<String, Correspondent> drain() {
        Map<String, Correspondent> batch = new java.util.HashMap<>();
        for (String domain : pending.keySet()) {
            Correspondent record = pending.remove(domain);
            if (record != null) {
                batch.put(domain, record);
            }
        }
        return batch;
    }

    /** Puts a batch back (its store could not be written): nothing recorded is lost. */
    public void putBack(Map<String, Correspondent> batch) {
        batch.forEach((domain, record) -> pending.merge(domain, record, Correspondent::merge));
    }

    public int pendingDomains() {
        return pending.size();
    }
}
