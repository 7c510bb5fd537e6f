package dev.lookalikeguard.webadmin;

import java.util.List;
import java.util.Map;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.memory.MemoryMailRepositoryStore;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;
import org.apache.james.queue.memory.MemoryMailQueueFactory;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.authentication.NoAuthenticationFilter;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.apache.mailet.base.test.FakeMail;

import dev.lookalikeguard.james.MailetContainerLayout;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.HeldKey;
import dev.lookalikeguard.state.Quarantine;
import dev.lookalikeguard.state.RecipientVerdict;
import dev.lookalikeguard.state.RecipientVerdicts;
import dev.lookalikeguard.testing.MemoryStores;
import dev.lookalikeguard.testing.TestClock;
import io.restassured.specification.RequestSpecification;

/** The guard's routes on a WebAdminServer of their own, over in-memory James stores, for RestAssured tests. */
final class GuardWebAdmin implements AutoCloseable {
    static final MailRepositoryUrl QUARANTINE = MailRepositoryUrl.from("memory://var/mail/quarantine/");
    /** The processors of the mail container these routes release into (as the sample's mailetcontainer.xml has). */
    /** The processors of the mail container and their mailets (as the sample's, shorter). */
    static final MailetContainerLayout PROCESSORS = MailetContainerLayout.of(com.google.common.collect.ImmutableSortedMap.of(
        "root", java.util.List.of("PostmasterAlias", "ToProcessor"), "transport", java.util.List.of("RemoveMimeHeader", "ToProcessor"),
        "error", java.util.List.of("MetricsMailet", "Bounce", "ToRepository"), "relay", java.util.List.of("RemoteDelivery"),
        "bounces", java.util.List.of("DSNBounce")));

    final MemoryMailRepositoryStore store;
    final TestClock clock = new TestClock();
    final MemoryMailQueueFactory queues;
    final RecordingMetricFactory metrics = new RecordingMetricFactory();
    final Quarantine quarantine;
    final GuardRegistry registry;
    final WebAdminServer server;

    GuardWebAdmin() throws Exception {
        this(List.of(QUARANTINE));
    }

    GuardWebAdmin(List<MailRepositoryUrl> quarantines) throws Exception {
        this(quarantines, new NoAuthenticationFilter());
    }

    /** With WebAdmin's authentication filter (James's: NoAuthenticationFilter, or JwtFilter when jwt.enabled). */
    GuardWebAdmin(List<MailRepositoryUrl> quarantines, AuthenticationFilter authentication) throws Exception {
        store = MemoryStores.repositoryStore();
        queues = MemoryStores.queues(clock);
        quarantine = new Quarantine(store, queues, metrics, clock);
        registry = MemoryStores.registry(store, clock);
        quarantines.forEach(registry::claimQuarantine);
        JsonTransformer json = new JsonTransformer();
        server = WebAdminUtils.createWebAdminServer(
            new QuarantineRoutes(registry, quarantine, json, authentication, () -> PROCESSORS),
            new AllowListRoutes(registry, json, clock, authentication), new CheckRoutes(registry, json, authentication),
            new LearnedNamesRoutes(registry, json, clock, authentication),
            new RememberedSendersRoutes(registry, json, clock, authentication)).start();
    }

    RequestSpecification spec() {
        return WebAdminUtils.spec(server.getPort());
    }

    /** Holds one recipient of a mail from {@code sender}, as the guard would; returns its key. */
    HeldKey hold(String sender, String recipient, String nearest) throws Exception {
        MailAddress address = new MailAddress(recipient);
        RecipientVerdicts stopped = RecipientVerdicts.of(Map.of(address, RecipientVerdict.lookalike(
            address.getDomain().asString(), nearest, nearest, List.of("suffix-edit"), 95,
            address.getDomain().asString() + " looks like " + nearest)));
        return quarantine.hold(QUARANTINE, FakeMail.builder().name("m-" + recipient).sender(sender).recipient(address)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("About " + recipient).setText("t")).build(),
            stopped, verdict -> HeldKey.Kind.ADMIN, "hold").get(0);
    }

    /** How many held copies were put back into the spool. */
    long released() throws Exception {
        return ((ManageableMailQueue) queues.createQueue(MailQueueFactory.SPOOL)).getSize();
    }

    @Override
    public void close() {
        server.destroy();
        registry.learning().stop();
    }
}
