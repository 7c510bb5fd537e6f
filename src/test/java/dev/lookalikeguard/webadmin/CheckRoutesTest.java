package dev.lookalikeguard.webadmin;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CheckRoutesTest {
    private static final String CONDITION = "suffixes: mil, gov; domains: army.mil";
    private GuardWebAdmin webAdmin;

    @BeforeEach
    void setUp() throws Exception {
        webAdmin = new GuardWebAdmin();
    }

    @AfterEach
    void tearDown() {
        webAdmin.close();
    }

    @Nested
    class OneMatcher {
        @BeforeEach
        void deploy() throws Exception {
            webAdmin.registry.deploy("dev.lookalikeguard.james.RecipientIsLookalike", CONDITION);
        }

        @Test
        void givesTheVerdictUnderTheDeployedCondition() {
            webAdmin.spec().get("/lookalike/check?address=j.doe@army.ml").then().statusCode(200)
                .body("domain", equalTo("army.ml"))
                .body("verdict", equalTo("lookalike"))
                .body("nearest", equalTo("army.mil"))
                .body("technique", equalTo("suffix-edit"))
                .body("techniques", contains("suffix-edit"))
                .body("band", equalTo("certain"))
                .body("allowedAtRunTimeBy", nullValue())
                .body("wouldBeStopped", equalTo(true))
                .body("stoppedBy", equalTo("RecipientIsLookalike #1"));
            webAdmin.spec().get("/lookalike/check?address=army.mil").then().body("verdict", equalTo("protected"))
                .body("wouldBeStopped", equalTo(false)).body("stoppedBy", nullValue());
        }

        @Test
        void saysWhenTheRunTimeAllowListLetsItThrough() throws Exception {
            webAdmin.registry.allowList().add("army.ml", "partner");

            webAdmin.spec().get("/lookalike/check?address=x@mail.army.ml").then()
                .body("allowedAtRunTimeBy", equalTo("army.ml")).body("wouldBeStopped", equalTo(false))
                .body("stoppedBy", nullValue());
        }

        @Test
        void needsAnAddressAndNothingElse() {
            webAdmin.spec().get("/lookalike/check").then().statusCode(400);
            webAdmin.spec().get("/lookalike/check?address=a@army.ml&verbose=1").then().statusCode(400);
        }
    }

    /** Two matchers, one per band: the first (minScore 75) bounces, the second (the sensitivity's 60) confirms. */
    @Nested
    class OneMatcherPerBand {
        @BeforeEach
        void deploy() throws Exception {
            webAdmin.registry.deploy("dev.lookalikeguard.james.RecipientIsLookalike", CONDITION + "; minScore: 75");
            webAdmin.registry.deploy("dev.lookalikeguard.james.RecipientIsLookalike", CONDITION);
        }

        @Test
        void reportsEachMatchersVerdictNamedWithItsConditionAndMinimumScore() {
            // army.com: suffix-swap, score 71 (possible band): below the first matcher's 75, above the second's 60
            webAdmin.spec().get("/lookalike/check?address=j.doe@army.com").then().statusCode(200)
                .body("matchers.name", contains("RecipientIsLookalike #1", "RecipientIsLookalike #2"))
                .body("matchers.condition", contains(CONDITION + "; minScore: 75", CONDITION))
                .body("matchers.minScore", contains(75, 60))
                .body("matchers.verdict", contains("clean", "lookalike"))
                .body("matchers[1].nearest", equalTo("army.mil"))
                .body("matchers[1].band", equalTo("possible"))
                .body("verdict", equalTo("lookalike"))
                .body("band", equalTo("possible"))
                .body("stoppedBy", equalTo("RecipientIsLookalike #2"));
        }

        @Test
        void aHighScoreIsStoppedByTheFirstThatCallsItALookalike() {
            webAdmin.spec().get("/lookalike/check?address=j.doe@army.ml").then()
                .body("matchers.verdict", contains("lookalike", "lookalike"))
                .body("score", equalTo(95))
                .body("stoppedBy", equalTo("RecipientIsLookalike #1"));
        }

        @Test
        void aCleanAddressIsCleanForBoth() {
            webAdmin.spec().get("/lookalike/check?address=friend@gmail.com").then()
                .body("matchers.verdict", contains("clean", "clean"))
                .body("verdict", equalTo("clean"))
                .body("wouldBeStopped", equalTo(false));
        }
    }

    @Test
    void answers503WithoutAnyMatcher() {
        webAdmin.spec().get("/lookalike/check?address=j.doe@army.ml").then().statusCode(503);
    }
}
