package dev.lookalikeguard.webadmin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.apache.mailet.Mail;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.state.LookalikeAttributes;
import dev.lookalikeguard.state.RecipientVerdict;
import dev.lookalikeguard.state.Quarantine;
import dev.lookalikeguard.state.RuntimeAllowList;
import dev.lookalikeguard.state.StateRepository;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * WebAdmin routes for the look-alike guard, all under {@value #BASE} so that WebAdmin's JWT
 * authentication covers them. Enable with
 * {@code extensions.routes=dev.lookalikeguard.webadmin.LookalikeRoutes} in {@code webadmin.properties}.
 *
 * <pre>
 * GET    /lookalike/quarantine?sender=&amp;domain=&amp;offset=0&amp;limit=50   held mails, newest first
 * GET    /lookalike/quarantine/{key}                             one held mail
 * POST   /lookalike/quarantine/{key}/release[?allow=true][&amp;processor=root]
 * POST   /lookalike/quarantine/release[?sender=&amp;domain=]          release all (matching)
 * DELETE /lookalike/quarantine/{key}
 * GET    /lookalike/allow                 run-time allow-list
 * PUT    /lookalike/allow/{domain}        allow a domain (and everything under it)
 * DELETE /lookalike/allow/{domain}
 * GET    /lookalike/check?address=j@army.ml   the verdict under the deployed condition
 * </pre>
 * A released mail is delivered once and never held again, whatever processor it is released into
 * (default {@code root}). Every action is logged: what, which mail, when.
 */
public class LookalikeRoutes implements Routes {
    public static final String BASE = "/lookalike";
    private static final Logger LOGGER = LoggerFactory.getLogger(LookalikeRoutes.class);
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;
    private static final String DEFAULT_PROCESSOR = "root";

    private final GuardRegistry registry;
    private final MailRepositoryStore store;
    private final Quarantine quarantine;
    private final JsonTransformer json;
    private final Clock clock;

    @Inject
    public LookalikeRoutes(GuardRegistry registry, MailRepositoryStore store, Quarantine quarantine, JsonTransformer json) {
        this.registry = registry;
        this.store = store;
        this.quarantine = quarantine;
        this.json = json;
        this.clock = quarantine.clock();
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.get(BASE + "/quarantine", Guarded.route(this::list), json);
        service.post(BASE + "/quarantine/release", Guarded.route(this::releaseAll), json);
        service.get(BASE + "/quarantine/:key", Guarded.route(this::show), json);
        service.post(BASE + "/quarantine/:key/release", Guarded.route(this::release), json);
        service.delete(BASE + "/quarantine/:key", Guarded.route(this::delete), json);
        service.get(BASE + "/allow", Guarded.route(this::listAllowed), json);
        service.put(BASE + "/allow/:domain", Guarded.route(this::allow), json);
        service.delete(BASE + "/allow/:domain", Guarded.route(this::disallow), json);
        service.get(BASE + "/check", Guarded.route(this::check), json);
    }

    private Object list(Request request, Response response) throws MessagingException {
        QueryParameters parameters = QueryParameters.of(request, QueryParameters.names("sender", "domain", "offset", "limit"));
        int offset = parameters.number("offset", 0, 0, Integer.MAX_VALUE);
        int limit = parameters.number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Held held : held(filter(parameters))) {
            matching.add(held.summary());
        }
        matching.sort((a, b) -> Long.compare((Long) b.get("heldSince_epochMillis"), (Long) a.get("heldSince_epochMillis")));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total", matching.size());
        page.put("offset", offset);
        page.put("limit", limit);
        int from = Math.min(offset, matching.size());
        int to = (int) Math.min((long) offset + limit, matching.size());
        page.put("mails", matching.subList(from, to));
        return page;
    }

    private Object show(Request request, Response response) throws MessagingException {
        Held held = find(request.params(":key"));
        Map<String, Object> detail = held.summary();
        detail.put("subject", held.subject);
        return detail;
    }

    private Object release(Request request, Response response) throws Exception {
        Held held = find(request.params(":key"));
        QueryParameters parameters = QueryParameters.of(request, QueryParameters.names("allow", "processor"));
        boolean allow = parameters.bool("allow").orElse(false);
        String processor = parameters.text("processor").orElse(DEFAULT_PROCESSOR);
        List<String> allowed = new ArrayList<>();
        if (allow) {
            for (RecipientVerdict verdict : held.verdicts().values()) {
                try {
                    RuntimeAllowList.allowable(verdict.domain());
                } catch (InvalidDomainException e) {
                    throw badRequest("cannot allow '" + verdict.domain() + "': it is " + e.getMessage()
                        + "; the mail stays held");
                }
            }
        }
        Quarantine.Outcome outcome = quarantine.end(held.url, held.key.asString(), mail -> {
            if (allow) {
                for (RecipientVerdict verdict : held.verdicts().values()) {
                    try {
                        allowed.add(registry.allowList().add(verdict.domain(), "allowed when releasing held mail "
                            + held.key.asString()));
                    } catch (InvalidDomainException e) {
                        throw new MessagingException("cannot allow " + verdict.domain(), e);
                    }
                }
            }
            quarantine.spool(mail, processor);
            return Quarantine.Ending.ENDED;
        });
        if (outcome != Quarantine.Outcome.ENDED) {
            throw notFound("no held mail with key '" + held.key.asString() + "'");
        }
        LOGGER.info("admin action=release mail={} sender={} recipients={} processor={} allowed={} at={}", held.key.asString(),
            held.sender(), held.recipients, processor, allowed, clock.instant());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("released", held.key.asString());
        result.put("processor", processor);
        result.put("allowed", allowed);
        return result;
    }

    private Object releaseAll(Request request, Response response) throws Exception {
        QueryParameters parameters = QueryParameters.of(request, QueryParameters.names("sender", "domain", "all", "processor"));
        String processor = parameters.text("processor").orElse(DEFAULT_PROCESSOR);
        boolean all = parameters.bool("all").orElse(false);
        boolean filtered = parameters.has("sender") || parameters.has("domain");
        if (all == filtered) {
            throw badRequest(filtered ? "give either filters (sender=, domain=) or all=true, not both"
                : "this would release every held mail: say so with all=true, or filter with sender= or domain=");
        }
        List<String> released = new ArrayList<>();
        for (Held held : held(filter(parameters))) {
            if (quarantine.end(held.url, held.key.asString(), mail -> {
                quarantine.spool(mail, processor);
                return Quarantine.Ending.ENDED;
            }) != Quarantine.Outcome.ENDED) {
                continue;
            }
            released.add(held.key.asString());
            LOGGER.info("admin action=release mail={} sender={} recipients={} processor={} at={}", held.key.asString(),
                held.sender(), held.recipients, processor, clock.instant());
        }
        return Map.of("released", released, "processor", processor);
    }

    private Object delete(Request request, Response response) throws MessagingException {
        Held held = find(request.params(":key"));
        if (quarantine.end(held.url, held.key.asString(), mail -> Quarantine.Ending.ENDED) != Quarantine.Outcome.ENDED) {
            throw notFound("no held mail with key '" + held.key.asString() + "'");
        }
        LOGGER.info("admin action=delete mail={} sender={} recipients={} at={}", held.key.asString(), held.sender(),
            held.recipients, clock.instant());
        return Map.of("deleted", held.key.asString());
    }

    private Object listAllowed(Request request, Response response) throws MessagingException {
        List<Map<String, Object>> entries = new ArrayList<>();
        registry.allowList().list().forEach(entry -> entries.add(Map.of("domain", entry.domain(),
            "added", entry.added().toString(), "reason", entry.reason())));
        return entries;
    }

    private Object allow(Request request, Response response) throws MessagingException {
        String domain = request.params(":domain");
        try {
            String added = registry.allowList().add(domain, "added through WebAdmin");
            LOGGER.info("admin action=allow domain={} at={}", added, clock.instant());
            return Map.of("allowed", added);
        } catch (InvalidDomainException e) {
            throw badRequest("'" + domain + "' is " + e.getMessage());
        }
    }

    private Object disallow(Request request, Response response) throws MessagingException {
        String domain = request.params(":domain");
        try {
            if (!registry.allowList().remove(domain)) {
                throw notFound("'" + domain + "' is not on the run-time allow-list");
            }
            LOGGER.info("admin action=disallow domain={} at={}", domain, clock.instant());
            return Map.of("removed", domain);
        } catch (InvalidDomainException e) {
            throw badRequest("'" + domain + "' is " + e.getMessage());
        }
    }

    private Object check(Request request, Response response) throws MessagingException {
        String address = Optional.ofNullable(request.queryParams("address"))
            .orElseThrow(() -> badRequest("query parameter 'address' is required (an address or a domain)"));
        var policy = registry.policy().orElseThrow(() -> ErrorResponder.builder()
            .statusCode(HttpStatus.SERVICE_UNAVAILABLE_503).type(ErrorResponder.ErrorType.SERVER_ERROR)
            .message("no RecipientIsLookalike matcher is deployed").haltError());
        String domain = address.contains("@") ? address.substring(address.lastIndexOf('@') + 1) : address;
        Verdict verdict = policy.detector().check(domain);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("address", address);
        result.put("domain", verdict.domain());
        result.put("verdict", verdict.kind().label());
        result.put("nearest", verdict.nearest().orElse(null));
        result.put("suggestion", verdict.suggestion().orElse(null));
        result.put("technique", verdict.technique().orElse(null));
        result.put("score", verdict.score());
        result.put("explanation", verdict.explanation());
        Optional<String> allowedBy = verdict.isLookalike() ? registry.allowList().allowing(verdict.domain()) : Optional.empty();
        result.put("allowedAtRunTimeBy", allowedBy.orElse(null));
        result.put("wouldBeStopped", verdict.isLookalike() && allowedBy.isEmpty());
        return result;
    }

    /** What the routes need of a held mail (read once; the mail itself is disposed at once), and where it is. */
    private final class Held {
        private final MailRepositoryUrl url;
        private final MailRepository repository;
        private final MailKey key;
        private final String sender;
        private final List<MailAddress> recipients;
        private final Map<String, RecipientVerdict> verdicts;
        private final Instant heldSince;
        private final String error;
        private final String subject;

        Held(MailRepositoryUrl url, MailRepository repository, MailKey key, Mail mail) {
            this.url = url;
            this.repository = repository;
            this.key = key;
            this.sender = mail.getMaybeSender().asString();
            this.recipients = List.copyOf(mail.getRecipients());
            this.verdicts = LookalikeAttributes.verdicts(mail);
            this.heldSince = mail.getLastUpdated() == null ? Instant.EPOCH : mail.getLastUpdated().toInstant();
            this.error = Optional.ofNullable(mail.getErrorMessage()).orElse("");
            String subject;
            try {
                subject = Optional.ofNullable(mail.getMessage().getSubject()).orElse("");
            } catch (MessagingException e) {
                subject = "";
            }
            this.subject = subject;
        }

        Map<String, RecipientVerdict> verdicts() {
            return verdicts;
        }

        String sender() {
            return sender;
        }

        Map<String, Object> summary() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("key", key.asString());
            summary.put("repository", url.asString());
            summary.put("sender", sender());
            summary.put("heldSince", heldSince.toString());
            summary.put("heldSince_epochMillis", heldSince.toEpochMilli());
            summary.put("ageSeconds", Duration.between(heldSince, clock.instant()).getSeconds());
            List<Map<String, Object>> entries = new ArrayList<>();
            Map<String, RecipientVerdict> verdicts = verdicts();
            for (MailAddress recipient : recipients) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("address", recipient.asString());
                RecipientVerdict verdict = verdicts.get(recipient.asString());
                if (verdict != null) {
                    entry.put("domain", verdict.domain());
                    entry.put("nearest", verdict.nearest());
                    entry.put("technique", verdict.technique());
                    entry.put("score", verdict.score());
                    entry.put("explanation", verdict.explanation());
                }
                entries.add(entry);
            }
            summary.put("recipients", entries);
            summary.put("error", error);
            return summary;
        }

        boolean matches(Optional<String> sender, Optional<String> domain) {
            if (sender.isPresent() && !sender().equalsIgnoreCase(sender.get())) {
                return false;
            }
            if (domain.isEmpty()) {
                return true;
            }
            String wanted = domain.get().toLowerCase(Locale.ROOT);
            return verdicts().values().stream().anyMatch(v -> v.domain().equals(wanted) || v.domain().endsWith("." + wanted)
                || v.nearest().equals(wanted) || v.nearest().endsWith("." + wanted));
        }
    }

    private static final class Filter {
        private final Optional<String> sender;
        private final Optional<String> domain;

        Filter(Optional<String> sender, Optional<String> domain) {
            this.sender = sender;
            this.domain = domain;
        }
    }

    private static Filter filter(QueryParameters parameters) {
        Optional<String> sender = parameters.text("sender");
        if (sender.isPresent()) {
            try {
                new MailAddress(sender.get());
            } catch (javax.mail.internet.AddressException e) {
                throw badRequest("query parameter 'sender' is not an address: '" + sender.get() + "'");
            }
        }
        Optional<String> domain = parameters.text("domain");
        if (domain.isPresent()) {
            try {
                domain = Optional.of(dev.lookalikeguard.detect.DomainName.parse(domain.get()).ascii());
            } catch (InvalidDomainException e) {
                throw badRequest("query parameter 'domain' is not a domain name: '" + domain.get() + "'");
            }
        }
        return new Filter(sender, domain);
    }

    private List<Held> held(Filter filter) throws MessagingException {
        List<Held> result = new ArrayList<>();
        for (MailRepositoryUrl url : registry.quarantines()) {
            MailRepository repository = repository(url);
            for (Iterator<MailKey> keys = repository.list(); keys.hasNext(); ) {
                MailKey key = keys.next();
                Mail mail = repository.retrieve(key);
                if (mail != null) {
                    Held held;
                    try {
                        held = new Held(url, repository, key, mail);
                    } finally {
                        LifecycleUtil.dispose(mail);
                    }
                    if (held.matches(filter.sender, filter.domain)) {
                        result.add(held);
                    }
                }
            }
        }
        return result;
    }

    private Held find(String key) throws MessagingException {
        for (MailRepositoryUrl url : registry.quarantines()) {
            MailRepository repository = repository(url);
            Mail mail = repository.retrieve(new MailKey(key));
            if (mail != null) {
                try {
                    return new Held(url, repository, new MailKey(key), mail);
                } finally {
                    LifecycleUtil.dispose(mail);
                }
            }
        }
        throw notFound("no held mail with key '" + key + "'");
    }

    private MailRepository repository(MailRepositoryUrl url) throws MessagingException {
        return StateRepository.open(store, url);
    }

    private static RuntimeException badRequest(String message) {
        return ErrorResponder.builder().statusCode(HttpStatus.BAD_REQUEST_400)
            .type(ErrorResponder.ErrorType.INVALID_ARGUMENT).message(message).haltError();
    }

    private static RuntimeException notFound(String message) {
        return ErrorResponder.builder().statusCode(HttpStatus.NOT_FOUND_404)
            .type(ErrorResponder.ErrorType.NOT_FOUND).message(message).haltError();
    }
}
