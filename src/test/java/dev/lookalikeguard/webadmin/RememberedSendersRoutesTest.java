package dev.lookalikeguard.webadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RememberedSendersRoutes}: the admin lists and forgets the pairs a confirm guard remembers. */
class RememberedSendersRoutesTest {
    private static final Duration REMEMBER = Duration.ofDays(30);

    private GuardWebAdmin webAdmin;

    @BeforeEach
    void setUp() throws Exception {
        webAdmin = new GuardWebAdmin();
        webAdmin.registry.remembered().remember("Colonel@Guard.Test", "army.ml", REMEMBER);
        webAdmin.registry.remembered().remember("colonel@guard.test", "navy.ml", REMEMBER);
        webAdmin.registry.remembered().remember("major@guard.test", "army.ml", REMEMBER);
    }

    @AfterEach
    void tearDown() {
        webAdmin.close();
    }

    @Test
    void listsEveryPairBySenderThenDomainWithWhenItWasConfirmedAndUntilWhen() {
        webAdmin.spec().get("/lookalike/remembered").then().statusCode(200)
            .body("size()", equalTo(3))
            .body("[0].sender", equalTo("colonel@guard.test")).body("[0].domain", equalTo("army.ml"))
            .body("[0].rememberedAt", equalTo("2026-11-23T12:00:00Z")).body("[0].expires", equalTo("2026-12-23T12:00:00Z"))
            .body("[1].domain", equalTo("navy.ml"))
            .body("[2].sender", equalTo("major@guard.test"));
    }

    @Test
    void listsOneSendersPairs() {
        webAdmin.spec().get("/lookalike/remembered?sender=COLONEL@guard.test").then().statusCode(200)
            .body("size()", equalTo(2)).body("domain", equalTo(java.util.List.of("army.ml", "navy.ml")));
    }

    @Test
    void forgettingAPairAsksThatSenderAgainAboutThatDomainOnly() throws Exception {
        webAdmin.spec().delete("/lookalike/remembered/Colonel@guard.test/ARMY.ML").then().statusCode(200)
            .body("forgotten.sender", equalTo("Colonel@guard.test")).body("forgotten.domain", equalTo("army.ml"));

        assertThat(webAdmin.registry.exemption("army.ml", Optional.of("colonel@guard.test"), REMEMBER)).isEmpty();
        assertThat(webAdmin.registry.exemption("navy.ml", Optional.of("colonel@guard.test"), REMEMBER)).isPresent();
        assertThat(webAdmin.registry.exemption("army.ml", Optional.of("major@guard.test"), REMEMBER)).isPresent();
        webAdmin.spec().delete("/lookalike/remembered/colonel@guard.test/army.ml").then().statusCode(404)
            .body("message", containsString("colonel@guard.test is not remembered for army.ml"));
    }

    @Test
    void anExpiredPairIsNotListed() {
        webAdmin.clock.advance(Duration.ofDays(31));

        webAdmin.spec().get("/lookalike/remembered").then().statusCode(200).body("size()", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/lookalike/remembered?sender=colonel", "/lookalike/remembered?sender=",
        "/lookalike/remembered?domain=army.ml", "/lookalike/remembered?sender=a@b.test&sender=c@d.test"})
    void aBadOrUnknownParameterIsRefused(String path) {
        webAdmin.spec().urlEncodingEnabled(false).get(path).then().statusCode(400);
    }

    @Test
    void aBadSenderOrDomainToForgetIsRefusedAndNothingIsForgotten() {
        webAdmin.spec().delete("/lookalike/remembered/colonel/army.ml").then().statusCode(400)
            .body("message", containsString("sender is not an address: 'colonel'"));
        webAdmin.spec().delete("/lookalike/remembered/colonel@guard.test/xn--zz").then().statusCode(400);

        webAdmin.spec().get("/lookalike/remembered").then().body("size()", equalTo(3));
    }
}
