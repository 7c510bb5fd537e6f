package dev.lookalikeguard.james;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The Javadoc of {@link LookalikeGuard} is its reference for an administrator: the XML shows every parameter
 * {@code init()} accepts, and the text every action, so a parameter or action added without documenting it fails here.
 */
class LookalikeGuardJavadocTest {
    private static final Path SOURCE = Path.of("src/main/java/dev/lookalikeguard/james/LookalikeGuard.java");

    private static String classJavadoc() throws Exception {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        int classStart = source.indexOf("public class LookalikeGuard");
        int javadoc = source.lastIndexOf("/**", classStart);
        assertThat(javadoc).as("the Javadoc of LookalikeGuard").isNotNegative();
        return source.substring(javadoc, classStart);
    }

    @Test
    void showsEveryParameterAsXml() throws Exception {
        String javadoc = classJavadoc();

        assertThat(GuardConfiguration.PARAMETERS).isNotEmpty().allSatisfy(parameter ->
            assertThat(javadoc).as("<%s> in the Javadoc of LookalikeGuard", parameter)
                .contains("<" + parameter + ">").contains("</" + parameter + ">"));
    }

    @Test
    void namesEveryAction() throws Exception {
        String javadoc = classJavadoc();

        for (GuardAction action : GuardAction.values()) {
            assertThat(javadoc).as("action %s in the Javadoc of LookalikeGuard", action.label())
                .contains("<li>{@code " + action.label() + "}");
        }
    }
}
