package dev.lookalikeguard.webadmin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.annotations.VisibleForTesting;
import com.google.common.base.Suppliers;

import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.james.MailetContainerLayout;
import dev.lookalikeguard.policy.Policy;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.HeldKey;
import dev.lookalikeguard.state.HeldMail;
import dev.lookalikeguard.state.Quarantine;
import dev.lookalikeguard.state.RecipientVerdict;
import dev.lookalikeguard.webadmin.dto.HeldMailDto;
import dev.lookalikeguard.webadmin.dto.QuarantinePageDto;
import dev.lookalikeguard.webadmin.dto.ReleaseDto;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The held mail, under {@value #BASE} (so WebAdmin's JWT authentication covers it). List it in
 * {@code extensions.routes} of {@code webadmin.properties}.
 * <pre>
 * GET    /lookalike/quarantine?sender=&amp;domain=&amp;offset=0&amp;limit=50   held recipients, newest first
 * GET    /lookalike/quarantine/{key}                                   one held recipient
 * POST   /lookalike/quarantine/{key}/release[?allow=true][&amp;processor=root]
 * POST   /lookalike/quarantine/release?sender=&amp;domain=[&amp;processor=]    release all that match
 * POST   /lookalike/quarantine/release?all=true[&amp;processor=]            release everything
 * DELETE /lookalike/quarantine/{key}
 * </pre>
 * A listing reads the quarantine's keys, which carry what it sorts and filters by, and then only the entries of
 * the page it answers. A released recipient is delivered once and never held again, whatever processor it is
 * released into (default {@code root}); a release or deletion racing another ending of the same recipient finds it
 * gone (404). Unknown, repeated or empty parameters are a 400. Every action is logged: what, which entry, when.
 */
public class QuarantineRoutes implements Routes {
    public static final String BASE = "/lookalike/quarantine";
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineRoutes.class);
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    private static final String DEFAULT_PROCESSOR = "root";

    private final GuardRegistry registry;
    private final Quarantine quarantine;
    private final JsonTransformer json;
    private final Clock clock;
    private final Guarded guarded;
    /**
     * The processors of {@code mailetcontainer.xml}, read on first use: a release into a processor it has not would go to
     * error, and one into a processor that writes to the mail's sender would send the held mail's sender (another
     * domain's, for mail held for an administrator) a notice instead of delivering.
     */
    private final Supplier<MailetContainerLayout> container;

    @Inject
    public QuarantineRoutes(GuardRegistry registry, Quarantine quarantine, JsonTransformer json,
                            AuthenticationFilter authentication, ConfigurationProvider configuration) {
        this(registry, quarantine, json, authentication, Suppliers.memoize(() -> MailetContainerLayout.of(configuration)));
    }

    @VisibleForTesting
    QuarantineRoutes(GuardRegistry registry, Quarantine quarantine, JsonTransformer json, AuthenticationFilter authentication,
                     Supplier<MailetContainerLayout> container) {
        this.registry = registry;
        this.quarantine = quarantine;
        this.json = json;
        this.clock = quarantine.clock();
        this.guarded = new Guarded(authentication);
        this.container = container;
    }

    /**
     * The processor a release names (default {@value #DEFAULT_PROCESSOR}), if mailetcontainer.xml has it and it does
     * not write to the mail's sender.
     */
    private String processor(QueryParameters parameters) {
        String processor = parameters.text("processor").orElse(DEFAULT_PROCESSOR);
        MailetContainerLayout layout = container.get();
        if (!layout.processors().contains(processor)) {
            throw QueryParameters.badRequest("query parameter 'processor': '" + processor + "' is no processor of "
                + "mailetcontainer.xml (James would hand the mail to its error processor); expected one of "
                + String.join(", ", layout.processorsNotNotifyingSender()));
        }
        if (layout.notifiesSender(processor)) {
            throw QueryParameters.badRequest("query parameter 'processor': '" + processor + "' writes to the mail's sender "
                + "(it has a " + String.join(", ", MailetContainerLayout.NOTIFYING_MAILETS) + " mailet): a release there "
                + "would send the held mail's sender, another domain's for mail held for an administrator, a notice instead "
                + "of delivering it; expected one of " + String.join(", ", layout.processorsNotNotifyingSender()));
        }
        return processor;
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        guarded.refuseWebPagesOnMailRepositories(service);
        service.get(BASE, guarded.route(this::list), json);
        service.post(BASE + "/release", guarded.route(this::releaseMatching), json);
        service.get(BASE + "/:key", guarded.route(this::show), json);
        service.post(BASE + "/:key/release", guarded.route(this::release), json);
        service.delete(BASE + "/:key", guarded.route(this::delete), json);
    }

    /** An entry the listing may show: where it is and when it was held (from its key where it can). */
    private static final class Candidate {
        private final MailRepositoryUrl url;
        private final String key;
        private final java.time.Instant heldSince;

        Candidate(MailRepositoryUrl url, String key, java.time.Instant heldSince) {
            this.url = url;
            this.key = key;
            this.heldSince = heldSince;
        }
    }

    private QuarantinePageDto list(Request request, Response response) throws MessagingException {
        QueryParameters parameters = QueryParameters.of(request, Set.of("sender", "domain", "offset", "limit"));
        QuarantineFilter filter = QuarantineFilter.of(parameters);
        int offset = parameters.number("offset", 0, 0, Integer.MAX_VALUE);
        int limit = parameters.number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<Candidate> candidates = candidates(filter);
        int from = Math.min(offset, candidates.size());
        int to = (int) Math.min((long) offset + limit, candidates.size());
        List<HeldMailDto> page = new ArrayList<>();
        for (Candidate candidate : candidates.subList(from, to)) {
            // Released meanwhile, or (one in 2^35) a digest that matched by chance: not shown.
            quarantine.read(candidate.url, candidate.key).filter(filter::matches)
                .ifPresent(held -> page.add(HeldMailDto.of(held, clock.instant())));
        }
        return new QuarantinePageDto(candidates.size(), offset, limit, page);
    }

    /**
     * The entries that match, newest first, from the keys: an entry is read only when its key cannot say (a key of an
     * earlier version, or one too short for all its names).
     */
    private List<Candidate> candidates(QuarantineFilter filter) throws MessagingException {
        List<Candidate> candidates = new ArrayList<>();
        for (MailRepositoryUrl url : registry.quarantines()) {
            for (String key : quarantine.keys(url)) {
                Optional<HeldKey> heldKey = HeldKey.parse(key);
                if (heldKey.isPresent() && !filter.needsEntry(heldKey.get())) {
                    if (filter.mayMatch(heldKey.get())) {
                        candidates.add(new Candidate(url, key, heldKey.get().heldSince()));
                    }
                } else if (heldKey.map(filter::mayMatch).orElse(true)) {
                    quarantine.read(url, key).filter(filter::matches)
                        .ifPresent(held -> candidates.add(new Candidate(url, key, held.heldSince())));
                }
            }
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.heldSince).thenComparing(c -> c.key).reversed());
        return candidates;
    }

    private HeldMailDto show(Request request, Response response) throws MessagingException {
        QueryParameters.of(request, Set.of());
        Candidate found = find(request.params(":key"));
        return quarantine.read(found.url, found.key).map(held -> HeldMailDto.of(held, clock.instant()))
            .orElseThrow(() -> notFound(found.key));
    }

    private ReleaseDto release(Request request, Response response) throws MessagingException {
        QueryParameters parameters = QueryParameters.of(request, Set.of("allow", "processor"));
        boolean allow = parameters.bool("allow").orElse(false);
        String processor = processor(parameters);
        Candidate found = find(request.params(":key"));
        if (allow) {
            HeldMail held = quarantine.read(found.url, found.key).orElseThrow(() -> notFound(found.key));
            for (String domain : domains(held)) {
                try {
                    Policy.allowable(domain);
                } catch (InvalidDomainException e) {
                    throw QueryParameters.badRequest("cannot allow '" + domain + "': it is " + e.getMessage()
                        + "; the mail stays held");
                }
            }
        }
        List<String> allowed = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<HeldMail> released = new java.util.concurrent.atomic.AtomicReference<>();
        Quarantine.Outcome outcome = quarantine.end(found.url, found.key, mail -> {
            released.set(HeldMail.of(found.url, found.key, mail));
            if (allow) {
                for (String domain : domains(released.get())) {
                    try {
                        allowed.add(registry.allowList().add(domain, "allowed when releasing held mail " + found.key));
                    } catch (InvalidDomainException e) {
                        throw new MessagingException("cannot allow " + domain, e);
                    }
                }
            }
            quarantine.spool(mail, processor);
            return Quarantine.Ending.ENDED;
        });
        if (outcome != Quarantine.Outcome.ENDED) {
            throw notFound(found.key);
        }
        LOGGER.info("admin action=release mail={} sender={} recipients={} processor={} allowed={} at={}", found.key,
            released.get().sender(), released.get().recipients(), processor, allowed, clock.instant());
        return new ReleaseDto(List.of(found.key), processor, allowed);
    }

    private ReleaseDto releaseMatching(Request request, Response response) throws MessagingException {
        QueryParameters parameters = QueryParameters.of(request, Set.of("sender", "domain", "all", "processor"));
        String processor = processor(parameters);
        boolean all = parameters.bool("all").orElse(false);
        QuarantineFilter filter = QuarantineFilter.of(parameters);
        if (all == !filter.isEmpty()) {
            throw QueryParameters.badRequest(all ? "give either filters (sender=, domain=) or all=true, not both"
                : "this would release every held mail: say so with all=true, or filter with sender= or domain=");
        }
        List<String> released = new ArrayList<>();
        for (Candidate candidate : candidates(filter)) {
            java.util.concurrent.atomic.AtomicReference<HeldMail> held = new java.util.concurrent.atomic.AtomicReference<>();
            Quarantine.Outcome outcome = quarantine.end(candidate.url, candidate.key, mail -> {
                held.set(HeldMail.of(candidate.url, candidate.key, mail));
                if (!filter.matches(held.get())) {
                    return Quarantine.Ending.KEPT;
                }
                quarantine.spool(mail, processor);
                return Quarantine.Ending.ENDED;
            });
            if (outcome == Quarantine.Outcome.ENDED) {
                released.add(candidate.key);
                LOGGER.info("admin action=release mail={} sender={} recipients={} processor={} at={}", candidate.key,
                    held.get().sender(), held.get().recipients(), processor, clock.instant());
            }
        }
        return new ReleaseDto(released, processor, List.of());
    }

    private Object delete(Request request, Response response) throws MessagingException {
        QueryParameters.of(request, Set.of());
        Candidate found = find(request.params(":key"));
        java.util.concurrent.atomic.AtomicReference<HeldMail> deleted = new java.util.concurrent.atomic.AtomicReference<>();
        if (quarantine.end(found.url, found.key, mail -> {
            deleted.set(HeldMail.of(found.url, found.key, mail));
            return Quarantine.Ending.ENDED;
        }) != Quarantine.Outcome.ENDED) {
            throw notFound(found.key);
        }
        LOGGER.info("admin action=delete mail={} sender={} recipients={} at={}", found.key, deleted.get().sender(),
            deleted.get().recipients(), clock.instant());
        return java.util.Map.of("deleted", found.key);
    }

    /** The quarantine holding this key (one read per quarantine at most), or a 404. */
    private Candidate find(String key) throws MessagingException {
        for (MailRepositoryUrl url : registry.quarantines()) {
            Optional<HeldMail> held = quarantine.read(url, key);
            if (held.isPresent()) {
                return new Candidate(url, key, held.get().heldSince());
            }
        }
        throw notFound(key);
    }

    private static List<String> domains(HeldMail held) {
        List<String> domains = new ArrayList<>();
        held.recipients().forEach(recipient -> domains.add(held.verdict(recipient).map(RecipientVerdict::domain)
            .orElse(recipient.getDomain().asString())));
        return domains;
    }

    private static RuntimeException notFound(String key) {
        return ErrorResponder.builder().statusCode(HttpStatus.NOT_FOUND_404).type(ErrorResponder.ErrorType.NOT_FOUND)
            .message("no held mail with key '" + key + "' (never held, or already released, returned or deleted)")
            .haltError();
    }
}
