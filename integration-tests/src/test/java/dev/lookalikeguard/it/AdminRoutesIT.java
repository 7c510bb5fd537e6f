package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

/** The admin's day through the extension's WebAdmin routes, on a real James with action=hold. */
class AdminRoutesIT {
    private static final ConditionFactory AWAIT = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    private static final String Q = "/lookalike/quarantine";

    @RegisterExtension
    final GuardExtension<LoopbackReceiver> guard = GuardExtension.configured(james -> james.action("hold"));

    private LoopbackReceiver receiver;
    private GuardServer james;

    @BeforeEach
    void start() {
        receiver = guard.receiver();
        james = guard.james();
    }

    private JsonNode heldMails(String query) throws Exception {
        return james.webAdmin("GET", Q + query).get("mails");
    }

    @Test
    void listsHeldMailsWithTheirVerdictsFilteredAndPaged() throws Exception {
        james.send("One", "j.doe@army.ml");
        james.send("Two", "k.roe@defnese.gov");
        AWAIT.until(() -> heldMails("").size() == 2);

        JsonNode page = james.webAdmin("GET", Q + "?limit=1");
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("mails")).hasSize(1);
        JsonNode army = heldMails("?domain=army.mil").get(0);
        assertThat(army.get("sender").asText()).isEqualTo(GuardServer.SENDER);
        JsonNode recipient = army.get("recipients").get(0);
        assertThat(recipient.get("address").asText()).isEqualTo("j.doe@army.ml");
        assertThat(recipient.get("nearest").asText()).isEqualTo("army.mil");
        assertThat(recipient.get("technique").asText()).isEqualTo("suffix-edit");
        assertThat(recipient.get("score").asInt()).isEqualTo(95);
        assertThat(army.get("ageSeconds").asLong()).isBetween(0L, 60L);
        assertThat(heldMails("?sender=nobody@guard.test")).isEmpty();
        assertThat(heldMails("?domain=defense.gov")).hasSize(1);
        JsonNode one = james.webAdmin("GET", Q + "/" + army.get("key").asText());
        assertThat(one.get("subject").asText()).isEqualTo("One");
    }

    @Test
    void releaseAndAllowDeliversOnceAndLetsTheNextMailThrough() throws Exception {
        james.send("Orders", "j.doe@army.ml");
        AWAIT.until(() -> heldMails("").size() == 1);
        String key = heldMails("").get(0).get("key").asText();

        JsonNode released = james.webAdmin("POST", Q + "/" + key + "/release?allow=true");

        assertThat(released.get("allowed").toString()).contains("army.ml");
        AWAIT.until(() -> receiver.deliveredTo("j.doe@army.ml").size() == 1);
        assertThat(heldMails("")).isEmpty();
        assertThat(james.webAdmin("GET", "/lookalike/allow").toString()).contains("army.ml");
        assertThat(james.webAdmin("GET", "/lookalike/check?address=x@army.ml").get("wouldBeStopped").asBoolean()).isFalse();

        james.send("Again", "j.doe@army.ml");
        AWAIT.until(() -> receiver.deliveredTo("j.doe@army.ml").size() == 2);
        assertThat(heldMails("")).isEmpty();

        james.webAdmin("DELETE", "/lookalike/allow/army.ml");
        james.send("Third", "j.doe@army.ml");
        AWAIT.until(() -> heldMails("").size() == 1);
        assertThat(receiver.deliveredTo("j.doe@army.ml")).hasSize(2);
    }

    @Test
    void releaseAllAndDelete() throws Exception {
        james.send("A", "a@army.ml");
        james.send("B", "b@amry.mil");
        james.send("C", "c@navy.ml");
        AWAIT.until(() -> heldMails("").size() == 3);
        String navy = heldMails("?domain=navy.mil").get(0).get("key").asText();

        james.webAdmin("DELETE", Q + "/" + navy);
        james.webAdmin("POST", Q + "/release?domain=army.mil");

        AWAIT.until(() -> receiver.messages().size() == 2);
        assertThat(heldMails("")).isEmpty();
        assertThat(receiver.deliveredTo("c@navy.ml")).isEmpty();
        assertThat(james.webAdminResponse("GET", Q + "/" + navy).statusCode()).isEqualTo(404);
    }

    /**
     * A page open in a browser that reaches WebAdmin cannot use the guard's routes while authentication is off, nor read
     * WebAdmin's answers (the sample allows no other origin); a release into a processor the mail container has not is
     * refused instead of sending the mail to the error processor.
     */
    @Test
    void aWebPageCannotReleaseAndAMistypedProcessorIsRefused() throws Exception {
        james.send("A", "a@army.ml");
        AWAIT.until(() -> heldMails("").size() == 1);

        assertThat(james.webAdminResponse("POST", Q + "/release?all=true", java.util.Map.of("Origin", "http://evil.example"))
            .statusCode()).isEqualTo(403);
        assertThat(james.webAdminResponse("PATCH", "/mailRepositories/var%2Fmail%2Fquarantine/mails?action=reprocess",
            java.util.Map.of("Origin", "http://evil.example")).statusCode()).as("James's own route to the held mail").isEqualTo(403);
        assertThat(james.webAdminResponse("POST", Q + "/release?all=true&processor=rooot").statusCode()).isEqualTo(400);
        for (String notifying : java.util.List.of("bounces", "relay-denied", "local-address-error", "error")) {
            assertThat(james.webAdminResponse("POST", Q + "/release?all=true&processor=" + notifying).statusCode())
                .as("the sample's %s writes to the mail's sender", notifying).isEqualTo(400);
        }
        assertThat(james.webAdminResponse("GET", Q).headers().firstValue("Access-Control-Allow-Origin"))
            .hasValue("http://127.0.0.1:8000");
        assertThat(heldMails("")).hasSize(1);
        Settle.holdsFor(java.time.Duration.ofMillis(500), () -> assertThat(receiver.messages()).isEmpty());
        james.webAdmin("POST", Q + "/release?all=true&processor=transport");
        AWAIT.until(() -> receiver.deliveredTo("a@army.ml").size() == 1);
    }

    @Test
    void checksAnAddressUnderTheDeployedCondition() throws Exception {
        JsonNode verdict = james.webAdmin("GET", "/lookalike/check?address=j.doe@xn--rmy-5cd.mil");

        assertThat(verdict.get("verdict").asText()).isEqualTo("lookalike");
        assertThat(verdict.get("nearest").asText()).isEqualTo("army.mil");
        assertThat(verdict.get("technique").asText()).isEqualTo("homoglyph");
        assertThat(verdict.get("wouldBeStopped").asBoolean()).isTrue();
        assertThat(james.webAdmin("GET", "/lookalike/check?address=army.mil").get("verdict").asText()).isEqualTo("protected");
        assertThat(james.webAdminResponse("GET", "/lookalike/check").statusCode()).isEqualTo(400);
        assertThat(james.webAdminResponse("PUT", "/lookalike/allow/xn--zz").statusCode()).isEqualTo(400);
    }

    @Test
    void theRememberedSendersRouteIsDeployedBySample() throws Exception {
        assertThat(james.webAdmin("GET", "/lookalike/remembered").size()).isZero();
        assertThat(james.webAdminResponse("DELETE", "/lookalike/remembered/colonel@guard.test/army.ml").statusCode())
            .isEqualTo(404);
    }

    @Test
    void heldMailAndTheAllowListSurviveARestart() throws Exception {
        james.send("Before restart", "j.doe@army.ml");
        AWAIT.until(() -> heldMails("").size() == 1);
        james.webAdmin("PUT", "/lookalike/allow/partner.ml");

        james = guard.restart();

        JsonNode held = heldMails("");
        assertThat(held).hasSize(1);
        assertThat(held.get(0).get("recipients").get(0).get("nearest").asText()).isEqualTo("army.mil");
        assertThat(james.webAdmin("GET", "/lookalike/allow").toString()).contains("partner.ml");
        james.webAdmin("POST", Q + "/" + held.get(0).get("key").asText() + "/release");
        AWAIT.until(() -> receiver.deliveredTo("j.doe@army.ml").size() == 1);
    }

    @Test
    void countersShowOnTheMetricsRoute() throws Exception {
        james.send("Count me", "j.doe@army.ml");
        AWAIT.until(() -> heldMails("").size() == 1);

        String metrics = james.webAdminResponse("GET", "/metrics").body();

        assertThat(metrics).contains("lookalikeGuard_hold_total 1.0").contains("lookalikeGuard_technique_suffix_edit_total 1.0");
    }

    @Test
    void aReleaseThroughWebAdminIsCountedOnTheMetricsRoute() throws Exception {
        james.send("Count my release", "j.doe@army.ml");
        AWAIT.until(() -> heldMails("").size() == 1);

        james.webAdmin("POST", Q + "/" + heldMails("").get(0).get("key").asText() + "/release");
        AWAIT.until(() -> receiver.deliveredTo("j.doe@army.ml").size() == 1);

        String metrics = james.webAdminResponse("GET", "/metrics").body();
        assertThat(metrics).contains("lookalikeGuard_release_total 1.0");
    }
}
