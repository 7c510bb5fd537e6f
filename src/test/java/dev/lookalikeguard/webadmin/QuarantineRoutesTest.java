package dev.lookalikeguard.webadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.lookalikeguard.state.HeldKey;

class QuarantineRoutesTest {
    private GuardWebAdmin webAdmin;
    private HeldKey army;
    private HeldKey navy;
    private HeldKey mail;

    @BeforeEach
    void setUp() throws Exception {
        webAdmin = new GuardWebAdmin();
        army = webAdmin.hold("colonel@guard.test", "j.doe@army.ml", "army.mil");
        webAdmin.clock.advance(Duration.ofSeconds(1));
        navy = webAdmin.hold("major@guard.test", "k.roe@navy.ml", "navy.mil");
        webAdmin.clock.advance(Duration.ofSeconds(1));
        mail = webAdmin.hold("colonel@guard.test", "x@mail.army.ml", "army.mil");
        webAdmin.clock.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void tearDown() {
        webAdmin.close();
    }

    @Nested
    class Listing {

        @Test
        void listsEveryHeldRecipientNewestFirstWithItsVerdict() {
            webAdmin.spec().get("/lookalike/quarantine")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("mails.key", contains(mail.asString(), navy.asString(), army.asString()))
                .body("mails[2].sender", equalTo("colonel@guard.test"))
                .body("mails[2].kind", equalTo("admin"))
                .body("mails[2].mail", equalTo(army.mailId()))
                .body("mails[2].ageSeconds", equalTo(62))
                .body("mails[2].heldSince", equalTo("2026-11-23T12:00:00Z"))
                .body("mails[2].subject", equalTo("About j.doe@army.ml"))
                .body("mails[2].recipients[0].address", equalTo("j.doe@army.ml"))
                .body("mails[2].recipients[0].nearest", equalTo("army.mil"))
                .body("mails[2].recipients[0].status", equalTo("lookalike"))
                .body("mails[2].recipients[0].technique", equalTo("suffix-edit"))
                .body("mails[2].recipients[0].techniques", contains("suffix-edit"))
                .body("mails[2].recipients[0].score", equalTo(95))
                .body("mails[2].recipients[0].band", equalTo("certain"))
                .body("mails[2].error", equalTo("army.ml looks like army.mil"));
        }

        @Test
        void filtersBySenderAndByDomainOrTheNameItResembles() {
            webAdmin.spec().get("/lookalike/quarantine?sender=Colonel@guard.test")
                .then().body("total", equalTo(2)).body("mails.key", contains(mail.asString(), army.asString()));
            webAdmin.spec().get("/lookalike/quarantine?domain=army.mil")
                .then().body("total", equalTo(2));
            webAdmin.spec().get("/lookalike/quarantine?domain=mil")
                .then().body("total", equalTo(3));
            webAdmin.spec().get("/lookalike/quarantine?domain=army.ml")
                .then().body("total", equalTo(2));
            webAdmin.spec().get("/lookalike/quarantine?domain=mail.army.ml")
                .then().body("mails.key", contains(mail.asString()));
            webAdmin.spec().get("/lookalike/quarantine?domain=navy.mil&sender=colonel@guard.test")
                .then().body("total", equalTo(0)).body("mails", hasSize(0));
        }

        @Test
        void pages() {
            webAdmin.spec().get("/lookalike/quarantine?offset=1&limit=1")
                .then().body("total", equalTo(3)).body("offset", equalTo(1)).body("limit", equalTo(1))
                .body("mails.key", contains(navy.asString()));
        }

        @Test
        void showsOneAndAnswers404ForWhatIsNotHeld() {
            webAdmin.spec().get("/lookalike/quarantine/" + navy.asString())
                .then().statusCode(200).body("recipients[0].address", equalTo("k.roe@navy.ml"));
            webAdmin.spec().get("/lookalike/quarantine/h1-nothing")
                .then().statusCode(404).body("message", containsString("h1-nothing"));
        }
    }

    @Nested
    class Releasing {

        @Test
        void releasesOneOnceThenItIsGone() throws Exception {
            webAdmin.spec().post("/lookalike/quarantine/" + army.asString() + "/release?processor=relay")
                .then().statusCode(200).body("released", contains(army.asString())).body("processor", equalTo("relay"));
            webAdmin.spec().post("/lookalike/quarantine/" + army.asString() + "/release")
                .then().statusCode(404);

            assertThat(webAdmin.released()).isEqualTo(1);
            assertThat(webAdmin.metrics.countFor("lookalikeGuard_release")).isEqualTo(1);
            webAdmin.spec().get("/lookalike/quarantine").then().body("total", equalTo(2));
        }

        @Test
        void releaseAndAllowAllowsTheRecipientDomain() throws Exception {
            webAdmin.spec().post("/lookalike/quarantine/" + army.asString() + "/release?allow=true")
                .then().statusCode(200).body("allowed", contains("army.ml"));

            assertThat(webAdmin.registry.allowList().allowing("army.ml")).contains("army.ml");
        }

        @Test
        void releasesWhatMatches() throws Exception {
            webAdmin.spec().post("/lookalike/quarantine/release?sender=colonel@guard.test")
                .then().statusCode(200).body("released", hasSize(2));

            assertThat(webAdmin.released()).isEqualTo(2);
            webAdmin.spec().get("/lookalike/quarantine").then().body("mails.key", contains(navy.asString()));
        }

        @Test
        void deletesOnce() throws Exception {
            webAdmin.spec().delete("/lookalike/quarantine/" + navy.asString()).then().statusCode(200)
                .body("deleted", equalTo(navy.asString()));
            webAdmin.spec().delete("/lookalike/quarantine/" + navy.asString()).then().statusCode(404);

            assertThat(webAdmin.released()).isZero();
            assertThat(webAdmin.quarantine.keys(GuardWebAdmin.QUARANTINE)).containsExactlyInAnyOrder(army.asString(),
                mail.asString());
        }

        @Test
        void aRouteWithoutParametersRefusesAny() {
            webAdmin.spec().delete("/lookalike/quarantine/" + navy.asString() + "?force=true").then().statusCode(400);
            webAdmin.spec().get("/lookalike/quarantine/" + navy.asString() + "?x=1").then().statusCode(400);
        }
    }

    @Nested
    class OlderEntries {

        @Test
        void anEntryWhoseKeyIsNotAHeldKeyIsStillListedFilteredAndReleased() throws Exception {
            org.apache.mailet.base.test.FakeMail legacy = org.apache.mailet.base.test.FakeMail.builder()
                .name("Mail1796176487093-65693d73").sender("colonel@guard.test")
                .recipients("a@army.ml", "b@army.ml")
                .mimeMessage(org.apache.james.core.builder.MimeMessageBuilder.mimeMessageBuilder().setSubject("old").setText("t"))
                .build();
            legacy.setAttribute(new org.apache.mailet.Attribute(dev.lookalikeguard.state.LookalikeAttributes.RELEASED,
                org.apache.mailet.AttributeValue.of(true)));
            webAdmin.store.select(GuardWebAdmin.QUARANTINE).store(legacy);

            webAdmin.spec().get("/lookalike/quarantine?domain=army.ml").then().body("total", equalTo(3));
            webAdmin.spec().post("/lookalike/quarantine/Mail1796176487093-65693d73/release").then().statusCode(200);

            assertThat(webAdmin.released()).isEqualTo(1);
            assertThat(webAdmin.quarantine.keys(GuardWebAdmin.QUARANTINE)).hasSize(3).doesNotContain("Mail1796176487093-65693d73");
            assertThat(List.of(army, navy, mail)).extracting(HeldKey::asString)
                .containsExactlyInAnyOrderElementsOf(webAdmin.quarantine.keys(GuardWebAdmin.QUARANTINE));
        }
    }
}
