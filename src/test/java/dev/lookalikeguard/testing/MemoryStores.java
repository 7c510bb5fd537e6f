package dev.lookalikeguard.testing;

import java.time.Clock;
import java.util.List;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.memory.MailRepositoryStoreConfiguration;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryStore;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryUrlStore;
import org.apache.james.mailrepository.memory.SimpleMailRepositoryLoader;
import org.apache.james.queue.api.RawMailQueueItemDecoratorFactory;
import org.apache.james.queue.memory.MemoryMailQueueFactory;

import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.LearnedCorrespondents;
import dev.lookalikeguard.state.RememberedSenders;
import dev.lookalikeguard.state.RuntimeAllowList;

/** James's in-memory mail repository store and mail queues, as unit tests use them. */
public final class MemoryStores {
    private MemoryStores() {
    }

    public static MemoryMailRepositoryStore repositoryStore() throws Exception {
        MailRepositoryStoreConfiguration.Item memory = new MailRepositoryStoreConfiguration.Item(
            List.of(new Protocol("memory")), "org.apache.james.mailrepository.memory.MemoryMailRepository",
            new BaseHierarchicalConfiguration());
        MemoryMailRepositoryStore store = new MemoryMailRepositoryStore(new MemoryMailRepositoryUrlStore(),
            new SimpleMailRepositoryLoader(), MailRepositoryStoreConfiguration.forItems(memory));
        store.init();
        return store;
    }

    /** The guard's shared state over these stores, as Guice builds it for one James. */
    public static GuardRegistry registry(MailRepositoryStore store, Clock clock) {
        return new GuardRegistry(new RuntimeAllowList(store, clock), new RememberedSenders(store, clock),
            new LearnedCorrespondents(store, clock));
    }

    /** The guard's shared state over a store of its own, for tests of the matcher alone. */
    public static GuardRegistry registry() throws Exception {
        return registry(repositoryStore(), new TestClock());
    }

    /** A mailet container as the sample's for what the guard checks: the release mailet is in transport. */
    public static dev.lookalikeguard.james.MailetContainerLayout container() {
        return dev.lookalikeguard.james.MailetContainerLayout.of(new java.util.TreeMap<>(java.util.Map.of(
            "root", List.of("PostmasterAlias", "ToProcessor"),
            "transport", List.of("LookalikeRelease", "RemoveMimeHeader", "ToProcessor"),
            "lookalike-stopped", List.of("LookalikeGuard"),
            "error", List.of("Bounce", "ToRepository"))));
    }

    public static MemoryMailQueueFactory queues(java.time.Clock clock) {
        return new MemoryMailQueueFactory(new RawMailQueueItemDecoratorFactory(), clock);
    }
}
