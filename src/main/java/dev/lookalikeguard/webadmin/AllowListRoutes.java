package dev.lookalikeguard.webadmin;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.state.Durations;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.webadmin.dto.AllowEntryDto;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The run-time allow-list, under {@value #BASE}. List it in {@code extensions.routes} of {@code webadmin.properties}.
 * <pre>
 * GET    /lookalike/allow                       entries, with when, why and until when
 * PUT    /lookalike/allow/{domain}[?for=30d]    allow a domain and everything under it, for ever or for a while
 * DELETE /lookalike/allow/{domain}
 * </pre>
 * A bare public suffix or top-level name ({@code ml}, {@code gov.uk}) is refused (400). Every change is logged.
 */
public class AllowListRoutes implements Routes {
    public static final String BASE = "/lookalike/allow";
    private static final Logger LOGGER = LoggerFactory.getLogger(AllowListRoutes.class);

    private final GuardRegistry registry;
    private final JsonTransformer json;
    private final Clock clock;
    private final Guarded guarded;

    @Inject
    public AllowListRoutes(GuardRegistry registry, JsonTransformer json, Clock clock, AuthenticationFilter authentication) {
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
        service.put(BASE + "/:domain", guarded.route(this::allow), json);
        service.delete(BASE + "/:domain", guarded.route(this::remove), json);
    }

    private List<AllowEntryDto> list(Request request, Response response) throws MessagingException {
        QueryParameters.of(request, Set.of());
        return registry.allowList().list().stream().map(AllowEntryDto::of).collect(Collectors.toList());
    }

    private Map<String, Object> allow(Request request, Response response) throws MessagingException {
        QueryParameters parameters = QueryParameters.of(request, Set.of("for"));
        Optional<Duration> validity = parameters.text("for").map(AllowListRoutes::validity);
        String domain = request.params(":domain");
        try {
            String added = registry.allowList().add(domain, "added through WebAdmin", validity);
            LOGGER.info("admin action=allow domain={} for={} at={}", added, validity.map(Duration::toString).orElse("ever"),
                clock.instant());
            return Map.of("allowed", added, "for", validity.map(Duration::toString).orElse("ever"));
        } catch (InvalidDomainException e) {
            throw QueryParameters.badRequest("'" + domain + "' is " + e.getMessage());
        }
    }

    private static Duration validity(String value) {
        Optional<Duration> duration;
        try {
            duration = Durations.withUnit(value);
        } catch (IllegalArgumentException e) {
            duration = Optional.empty();
        }
        if (duration.isEmpty() || duration.get().isZero() || duration.get().isNegative()) {
            throw QueryParameters.badRequest("query parameter 'for' must be a positive duration with its unit, such as "
                + "12h, 30d or 7 days");
        }
        return duration.get();
    }

    private Map<String, Object> remove(Request request, Response response) throws MessagingException {
        QueryParameters.of(request, Set.of());
        String domain = request.params(":domain");
        try {
            if (!registry.allowList().remove(domain)) {
                throw ErrorResponder.builder().statusCode(HttpStatus.NOT_FOUND_404).type(ErrorResponder.ErrorType.NOT_FOUND)
                    .message("'" + domain + "' is not on the run-time allow-list").haltError();
            }
            LOGGER.info("admin action=disallow domain={} at={}", domain, clock.instant());
            return Map.of("removed", domain);
        } catch (InvalidDomainException e) {
            throw QueryParameters.badRequest("'" + domain + "' is " + e.getMessage());
        }
    }
}
