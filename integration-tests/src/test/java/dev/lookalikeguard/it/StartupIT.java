package dev.lookalikeguard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

import dev.lookalikeguard.james.LookalikeConfigurationError;

/**
 * Bad configuration stops James at start-up with one clear line naming the bad part: the message is
 * logged once, without a stack trace (not the ~200 lines James logs for a mailet's MessagingException).
 */
class StartupIT {
    @RegisterExtension
    static final GuardExtension<LoopbackReceiver> GUARD = GuardExtension.startedByTheTest();

    private ListAppender<ILoggingEvent> log;

    @BeforeEach
    void captureLog() {
        log = new ListAppender<>();
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        root().detachAppender(log);
    }

    @Test
    void aBadConditionStopsStartUpWithOneLine() {
        String message = "RecipientIsLookalike: bad condition: unknown clause 'sufixes'; expected one of suffixes, domains";

        assertThatThrownBy(() -> GUARD.start(sample -> sample.condition("sufixes: mil; domains: army.mil")))
            .isInstanceOf(LookalikeConfigurationError.class)
            .hasMessageContaining(message);
        assertThat(linesContaining(message)).hasSize(1);
        assertThat(errorLines()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aConditionThatProtectsNothingStopsStartUpWithOneLine() {
        assertThatThrownBy(() -> GUARD.start(sample -> sample.condition("sensitivity: paranoid")))
            .hasMessageContaining("condition protects nothing");
        assertThat(linesContaining("condition protects nothing")).hasSize(1);
    }

    @Test
    void aBadActionStopsStartUpWithOneLine() {
        String message = "LookalikeGuard: parameter 'action' is 'drop'; expected bounce, hold, tag or confirm";

        assertThatThrownBy(() -> GUARD.start(sample -> sample.action("drop")))
            .isInstanceOf(LookalikeConfigurationError.class)
            .hasMessageContaining(message);
        assertThat(linesContaining(message)).hasSize(1);
        assertThat(errorLines()).hasSizeLessThanOrEqualTo(2);
    }

    /** On a real James (its postmaster, domain list and PostmasterAlias), not only in a fake mailet context. */
    @Test
    void thePostmasterAsTheReleaseAddressStopsStartUp() {
        assertThatThrownBy(() -> GUARD.start(sample -> sample.confirm("<confirmSecret>0123456789abcdef0123456789abcdef"
            + "</confirmSecret><confirmAddress>postmaster@guard.test</confirmAddress>")))
            .isInstanceOf(LookalikeConfigurationError.class)
            .hasMessageContaining("parameter 'confirmAddress': postmaster@guard.test is a postmaster's address");
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** The log as an appender prints it: each event's message, then its stack trace, one entry per line. */
    private List<String> lines(ILoggingEvent event) {
        String text = event.getFormattedMessage()
            + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy()));
        return Arrays.asList(text.split("\\R"));
    }

    private List<String> linesContaining(String text) {
        return log.list.stream().flatMap(event -> lines(event).stream())
            .filter(line -> line.contains(text))
            .collect(Collectors.toList());
    }

    private List<String> errorLines() {
        return log.list.stream().filter(event -> event.getLevel().levelStr.equals("ERROR"))
            .flatMap(event -> lines(event).stream())
            .collect(Collectors.toList());
    }
}
