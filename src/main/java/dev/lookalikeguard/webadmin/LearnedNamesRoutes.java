package dev.lookalikeguard.webadmin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonExtractException;
import org.apache.james.webadmin.utils.JsonExtractor;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.learn.Correspondent;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.state.LearnedCorrespondents;
import dev.lookalikeguard.webadmin.dto.LearnedNameDto;
import dev.lookalikeguard.webadmin.dto.LearnedNamesPageDto;
import dev.lookalikeguard.webadmin.dto.SeedResultDto;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The learned correspondents (condition clause {@code learn: on}), under {@value #BASE}. List it in
 * {@code extensions.routes} of {@code webadmin.properties}; it is authenticated like every route under its base path.
 * <pre>
 * GET    /lookalike/learned[?status=learned|pinned|counting&amp;offset=0&amp;limit=100]   counted domains, by domain
 * GET    /lookalike/learned/export                 the learned names, as a JSON list of domains (what POST takes)
 * GET    /lookalike/learned/{domain}               one domain's counts
 * PUT    /lookalike/learned/{domain}               pin: a learned name whatever its counts, never forgotten by idleness
 * DELETE /lookalike/learned/{domain}               forget: the record goes; it must be learned again from nothing
 * POST   /lookalike/learned                        seed: a JSON list of domains, each pinned
 * </pre>
 * A bare public suffix or top-level name ({@code com}, {@code co.uk}), an invalid name or an empty list is refused
 * (400, naming it); a seed is checked whole before anything is written. Every change is logged. Changes reach this
 * node's matchers at once and the other nodes' at their next refresh.
 */
public class LearnedNamesRoutes implements Routes {
    public static final String BASE = "/lookalike/learned";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_SEED = 100_000;
    private static final Logger LOGGER = LoggerFactory.getLogger(LearnedNamesRoutes.class);

    private final GuardRegistry registry;
    private final JsonTransformer json;
    private final Clock clock;
    private final Guarded guarded;
    private final JsonExtractor<String[]> domainList = new JsonExtractor<>(String[].class);

    @Inject
    public LearnedNamesRoutes(GuardRegistry registry, JsonTransformer json, Clock clock, AuthenticationFilter authentication) {
        this.registry = registry;
        this.json = json;
        this.clock = clock;
        this.guarded = new Guarded(authentication);
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.get(BASE, guarded.route(this::list), json);
        service.post(BASE, guarded.route(this::seed), json);
        service.get(BASE + "/export", guarded.route(this::export), json);
        service.get(BASE + "/:domain", guarded.route(this::one), json);
        service.put(BASE + "/:domain", guarded.route(this::pin), json);
        service.delete(BASE + "/:domain", guarded.route(this::forget), json);
    }

    private LearnedCorrespondents learning() {
        return registry.learning();
    }

    private LearnedNamesPageDto list(Request request, Response response) throws MessagingException {
        QueryParameters parameters = QueryParameters.of(request, Set.of("status", "offset", "limit"));
        Optional<LearnedNameDto.Status> status = parameters.text("status").map(LearnedNamesRoutes::status);
        int offset = parameters.number("offset", 0, 0, Integer.MAX_VALUE);
        int limit = parameters.number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<LearnedNameDto> all = learning().records().stream().map(this::dto)
            .filter(dto -> status.map(wanted -> dto.getStatus().equals(wanted.name().toLowerCase(Locale.ROOT))).orElse(true))
            .collect(Collectors.toList());
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) offset + limit, all.size());
        return new LearnedNamesPageDto(learning().rule().map(Object::toString).orElse("off"), learning().snapshot().size(),
            all.size(), offset, limit, all.subList(from, to));
    }

    private static LearnedNameDto.Status status(String value) {
        try {
            return LearnedNameDto.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw QueryParameters.badRequest("query parameter 'status' must be learned, pinned or counting");
        }
    }

    private List<String> export(Request request, Response response) throws MessagingException {
        QueryParameters.of(request, Set.of());
        return learning().records().stream().filter(learning()::learns).map(Correspondent::domain).collect(Collectors.toList());
    }

    private LearnedNameDto one(Request request, Response response) throws MessagingException {
        QueryParameters.of(request, Set.of());
        String domain = domain(request.params(":domain"));
        return learning().record(domain).map(this::dto).orElseThrow(() -> notFound(domain));
    }

    private LearnedNameDto pin(Request request, Response response) throws MessagingException {
        QueryParameters.of(request, Set.of());
        String domain = domain(request.params(":domain"));
        Correspondent pinned = learning().pin(domain);
        LOGGER.info("admin action=pin learned_name={} at={}", domain, clock.instant());
        return dto(pinned);
    }

    private Map<String, Object> forget(Request request, Response response) throws MessagingException {
        QueryParameters.of(request, Set.of());
        String domain = domain(request.params(":domain"));
        if (!learning().forget(domain)) {
            throw notFound(domain);
        }
        LOGGER.info("admin action=forget learned_name={} at={}", domain, clock.instant());
        return Map.of("forgotten", domain);
    }

    private SeedResultDto seed(Request request, Response response) throws MessagingException {
        QueryParameters.of(request, Set.of());
        String[] given;
        try {
            given = domainList.parse(request.body());
        } catch (JsonExtractException e) {
            throw QueryParameters.badRequest("the body must be a JSON list of domains, such as [\"lockheedmartin.com\", "
                + "\"baesystems.com\"] (what GET " + BASE + "/export gives)");
        }
        if (given == null || given.length == 0) {
            throw QueryParameters.badRequest("the list of domains is empty: nothing to seed");
        }
        if (given.length > MAX_SEED) {
            throw QueryParameters.badRequest("at most " + MAX_SEED + " domains in one seed, not " + given.length);
        }
        Set<String> domains = new LinkedHashSet<>();
        List<String> refused = new ArrayList<>();
        for (String value : given) {
            try {
                domains.add(learnable(value == null ? "" : value));
            } catch (InvalidDomainException e) {
                refused.add("'" + value + "' is " + e.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            throw QueryParameters.badRequest(refused.size() + " of the " + given.length + " domains cannot be learned, "
                + "nothing was seeded: " + String.join("; ", refused.subList(0, Math.min(5, refused.size())))
                + (refused.size() > 5 ? "; ..." : ""));
        }
        int pinned = learning().seed(domains);
        LOGGER.info("admin action=seed learned_names={} newly_pinned={} at={}", domains.size(), pinned, clock.instant());
        return new SeedResultDto(domains.size(), pinned);
    }

    /**
     * The canonical form of a domain that may be a learned name: any host name but a bare public suffix or
     * top-level name (every name under it would count as familiar).
     */
    private static String learnable(String value) throws InvalidDomainException {
        return DomainName.parseBelowPublicSuffix(value, "a bare public suffix or top-level name: learning it would make "
            + "every name under it familiar; seed a name registered under it instead, such as partner.com");
    }

    private static String domain(String value) {
        try {
            return learnable(value);
        } catch (InvalidDomainException e) {
            throw QueryParameters.badRequest("'" + value + "' is " + e.getMessage());
        }
    }

    private static RuntimeException notFound(String domain) {
        return ErrorResponder.builder().statusCode(HttpStatus.NOT_FOUND_404).type(ErrorResponder.ErrorType.NOT_FOUND)
            .message("'" + domain + "' has no record among the learned correspondents").haltError();
    }

    private LearnedNameDto dto(Correspondent record) {
        LearnedNameDto.Status status = record.pinned() ? LearnedNameDto.Status.PINNED
            : learning().learns(record) ? LearnedNameDto.Status.LEARNED : LearnedNameDto.Status.COUNTING;
        return new LearnedNameDto(record.domain(), status, record.recipients(), learning().daysInWindow(record),
            record.distinctSenders(), record.firstUse(), record.lastUse());
    }
}
