package dev.lookalikeguard.webadmin;

import java.time.Clock;
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

import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.webadmin.dto.RememberedPairDto;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The sender/domain pairs a confirm guard remembers ({@code remember}), under {@value #BASE}. List it in
 * {@code extensions.routes} of {@code webadmin.properties}.
 * <pre>
 * GET    /lookalike/remembered[?sender=]            pairs not expired, with when the sender confirmed and until when
 * DELETE /lookalike/remembered/{sender}/{domain}     forget one: that sender is asked again about that domain
 * </pre>
 * Every change is logged.
 */
public class RememberedSendersRoutes implements Routes {
    public static final String BASE = "/lookalike/remembered";
    private static final Logger LOGGER = LoggerFactory.getLogger(RememberedSendersRoutes.class);

    private final GuardRegistry registry;
    private final JsonTransformer json;
    private final Clock clock;
    private final Guarded guarded;

    @Inject
    public RememberedSendersRoutes(GuardRegistry registry, JsonTransformer json, Clock clock,
                                   AuthenticationFilter authentication) {
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
        service.delete(BASE + "/:sender/:domain", guarded.route(this::forget), json);
    }

    private List<RememberedPairDto> list(Request request, Response response) throws MessagingException {
        QueryParameters parameters = QueryParameters.of(request, Set.of("sender"));
        Optional<String> sender = parameters.text("sender")
            .map(value -> QueryParameters.address("query parameter 'sender'", value));
        return registry.remembered().list(sender).stream().map(RememberedPairDto::of).collect(Collectors.toList());
    }

    private Map<String, Object> forget(Request request, Response response) throws MessagingException {
        QueryParameters.of(request, Set.of());
        String sender = QueryParameters.address("sender", request.params(":sender"));
        String domain;
        try {
            domain = DomainName.parse(request.params(":domain")).ascii();
        } catch (InvalidDomainException e) {
            throw QueryParameters.badRequest("domain '" + request.params(":domain") + "' is " + e.getMessage());
        }
        if (!registry.remembered().forget(sender, domain)) {
            throw ErrorResponder.builder().statusCode(HttpStatus.NOT_FOUND_404).type(ErrorResponder.ErrorType.NOT_FOUND)
                .message(sender + " is not remembered for " + domain).haltError();
        }
        LOGGER.info("admin action=forget-remembered sender={} domain={} at={}", sender, domain, clock.instant());
        return Map.of("forgotten", Map.of("sender", sender, "domain", domain));
    }
}
