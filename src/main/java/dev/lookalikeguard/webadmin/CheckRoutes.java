package dev.lookalikeguard.webadmin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.authentication.AuthenticationFilter;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.eclipse.jetty.http.HttpStatus;

import dev.lookalikeguard.detect.Verdict;
import dev.lookalikeguard.state.DeployedMatcher;
import dev.lookalikeguard.state.Exemption;
import dev.lookalikeguard.state.GuardRegistry;
import dev.lookalikeguard.webadmin.dto.CheckDto;
import dev.lookalikeguard.webadmin.dto.MatcherCheckDto;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The live check, under {@value #BASE}: {@code GET /lookalike/check?address=j@army.ml} gives the verdict of every
 * deployed {@code RecipientIsLookalike} matcher (named {@code RecipientIsLookalike #1}, {@code #2}... in the order of
 * {@code mailetcontainer.xml}, with its condition and minimum score), whether the run-time allow-list lets it through,
 * and whether the guard would stop it and by which matcher: the first that calls it a look-alike, which takes the
 * recipient off the mail before the later ones see it. List it in {@code extensions.routes} of
 * {@code webadmin.properties}.
 */
public class CheckRoutes implements Routes {
    public static final String BASE = "/lookalike/check";

    private final GuardRegistry registry;
    private final JsonTransformer json;
    private final Guarded guarded;

    @Inject
    public CheckRoutes(GuardRegistry registry, JsonTransformer json, AuthenticationFilter authentication) {
        this.registry = registry;
        this.json = json;
        this.guarded = new Guarded(authentication);
    }

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.get(BASE, guarded.route(this::check), json);
    }

    private CheckDto check(Request request, Response response) throws MessagingException {
        QueryParameters parameters = QueryParameters.of(request, Set.of("address"));
        String address = parameters.text("address")
            .orElseThrow(() -> QueryParameters.badRequest("query parameter 'address' is required (an address or a domain)"));
        List<DeployedMatcher> deployed = registry.matchers();
        if (deployed.isEmpty()) {
            throw ErrorResponder.builder().statusCode(HttpStatus.SERVICE_UNAVAILABLE_503)
                .type(ErrorResponder.ErrorType.SERVER_ERROR).message("no RecipientIsLookalike matcher is deployed").haltError();
        }
        String domain = address.contains("@") ? address.substring(address.lastIndexOf('@') + 1) : address;
        List<MatcherCheckDto> verdicts = new ArrayList<>();
        Optional<String> stoppedDomain = Optional.empty();
        for (DeployedMatcher matcher : deployed) {
            Verdict verdict = registry.check(matcher, domain);
            verdicts.add(new MatcherCheckDto(matcher, verdict));
            if (verdict.isLookalike() && stoppedDomain.isEmpty()) {
                stoppedDomain = Optional.of(verdict.domain());
            }
        }
        // The guard's own run-time decision; no sender is given, so only the allow-list can let it through here.
        Optional<String> allowedBy = stoppedDomain.isPresent()
            ? registry.exemption(stoppedDomain.get(), Optional.empty(), Duration.ZERO).map(Exemption::by) : Optional.empty();
        return new CheckDto(address, verdicts, allowedBy);
    }
}
