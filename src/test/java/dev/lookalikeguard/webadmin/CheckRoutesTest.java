package dev.lookalikeguard.webadmin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.lookalikeguard.policy.Policy;

class CheckRoutesTest {
    private GuardWebAdmin webAdmin;

    @BeforeEach
    void setUp() throws Exception {
        webAdmin = new GuardWebAdmin();
        webAdmin.registry.register(Policy.parse("suffixes: mil, gov; domains: army.mil"));
    }

    @AfterEach
    void tearDown() {
        webAdmin.close();
    }

    @Test
    void givesTheVerdictUnderTheDeployedCondition() {
        webAdmin.spec().get("/lookalike/check?address=j.doe@army.ml").then().statusCode(200)
            .body("domain", equalTo("army.ml"))
            .body("verdict", equalTo("lookalike"))
            .body("nearest", equalTo("army.mil"))
            .body("technique", equalTo("suffix-edit"))
            .body("allowedAtRunTimeBy", nullValue())
            .body("wouldBeStopped", equalTo(true));
        webAdmin.spec().get("/lookalike/check?address=army.mil").then().body("verdict", equalTo("protected"))
            .body("wouldBeStopped", equalTo(false));
    }

    @Test
    void saysWhenTheRunTimeAllowListLetsItThrough() throws Exception {
        webAdmin.registry.allowList().add("army.ml", "partner");

        webAdmin.spec().get("/lookalike/check?address=x@mail.army.ml").then()
            .body("allowedAtRunTimeBy", equalTo("army.ml")).body("wouldBeStopped", equalTo(false));
    }

    @Test
    void needsAnAddressAndNothingElse() {
        webAdmin.spec().get("/lookalike/check").then().statusCode(400);
        webAdmin.spec().get("/lookalike/check?address=a@army.ml&verbose=1").then().statusCode(400);
    }
}
