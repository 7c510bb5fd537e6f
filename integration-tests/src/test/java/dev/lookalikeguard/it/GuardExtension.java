package dev.lookalikeguard.it;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every integration test needs: the loopback receiver that stands for the internet, and a real James built from
 * the project's {@code conf/} ({@link GuardServer}) that delivers remote mail to it; both stopped and the server's
 * working directory deleted afterwards, whatever the test did.
 * <pre>
 * &#64;RegisterExtension
 * static GuardExtension&lt;LoopbackReceiver&gt; guard = GuardExtension.configured(james -&gt; james.action("hold"));  // one server per class
 *
 * &#64;RegisterExtension
 * GuardExtension&lt;LoopbackReceiver&gt; guard = GuardExtension.configured(...);   // one server per test
 *
 * &#64;RegisterExtension
 * GuardExtension&lt;LoopbackReceiver&gt; guard = GuardExtension.startedByTheTest(); // the test calls guard.start(...)
 * </pre>
 * A static field gives one receiver and server for the whole class, an instance field one per test.
 */
public final class GuardExtension<R extends Receiver>
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Supplier<R> receiverFactory;
    private final UnaryOperator<GuardServer.Builder> configuration;
    private final boolean startsServer;
    private final List<AutoCloseable> processes = new ArrayList<>();
    /** How many class containers (a class, its @Nested classes) are open: one server for all of them. */
    private int classDepth;
    private R receiver;
    private GuardServer james;
    private UnaryOperator<GuardServer.Builder> started;

    private GuardExtension(Supplier<R> receiverFactory, UnaryOperator<GuardServer.Builder> configuration, boolean startsServer) {
        this.receiverFactory = receiverFactory;
        this.configuration = configuration;
        this.startsServer = startsServer;
    }

    /** The sample configuration as shipped. */
    public static GuardExtension<LoopbackReceiver> sample() {
        return configured(UnaryOperator.identity());
    }

    /** The sample configuration with the changes of {@code configuration}, started before the tests. */
    public static GuardExtension<LoopbackReceiver> configured(UnaryOperator<GuardServer.Builder> configuration) {
        return new GuardExtension<>(LoopbackReceiver::new, configuration, true);
    }

    /** Only the receiver: the test starts the server with {@link #start} (or expects it not to start). */
    public static GuardExtension<LoopbackReceiver> startedByTheTest() {
        return new GuardExtension<>(LoopbackReceiver::new, UnaryOperator.identity(), false);
    }

    /** The same, with another receiver (one that counts what GreenMail refuses, for instance). */
    public <S extends Receiver> GuardExtension<S> receivingWith(Supplier<S> receiver) {
        return new GuardExtension<>(receiver, configuration, startsServer);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (classDepth++ == 0) {
            open();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (classDepth == 0) {
            open();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (classDepth == 0) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            close();
        }
    }

    private void open() throws Exception {
        receiver = receiverFactory.get();
        if (startsServer) {
            start(configuration);
        }
    }

    /** Starts the server with the sample configuration changed by {@code changes}; stops the one running, if any. */
    public GuardServer start(UnaryOperator<GuardServer.Builder> changes) throws Exception {
        stopServer();
        james = changes.apply(GuardServer.builder(receiver.port())).start();
        started = changes;
        return james;
    }

    /** Stops the server and starts it again, with the same configuration, on the same data (file-backed state). */
    public GuardServer restart() throws Exception {
        GuardServer stopped = james;
        james = null;
        stopped.stop();
        james = started.apply(GuardServer.builder(receiver.port())).workingDirectory(stopped.workingDirectory()).start();
        return james;
    }

    /**
     * The server as its own JVM (for {@code kill -9}), configured like {@link #start}: prepared, not started; stopped
     * and deleted afterwards.
     */
    ServerProcess process(UnaryOperator<GuardServer.Builder> changes) throws Exception {
        ServerProcess process = ServerProcess.prepare(changes.apply(GuardServer.builder(receiver.port())));
        processes.add(process);
        return process;
    }

    public GuardServer james() {
        if (james == null) {
            throw new IllegalStateException("no server started");
        }
        return james;
    }

    public R receiver() {
        return receiver;
    }

    private void stopServer() {
        if (james != null) {
            james.close();
            james = null;
        }
    }

    private void close() {
        stopServer();
        for (AutoCloseable process : processes) {
            try {
                process.close();
            } catch (Exception e) {
                // closing the rest anyway
            }
        }
        processes.clear();
        if (receiver != null) {
            receiver.close();
            receiver = null;
        }
    }
}
