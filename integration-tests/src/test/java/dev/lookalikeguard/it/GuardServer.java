package dev.lookalikeguard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.james.FakeSearchMailboxModule;
import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.util.Port;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.WebAdminGuiceProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Apache James 3.8.1 memory server, built as {@code MemoryJamesServerMain} builds it, from a
 * copy of the project's {@code conf/} with only what a test must change: listeners on free loopback
 * ports, remote delivery through the test's loopback SMTP receiver, and optionally the guard's action
 * or condition. Stops the server and deletes its working directory on {@link #close()}.
 */
public final class GuardServer implements AutoCloseable {
    public static final String DOMAIN = "guard.test";
    public static final String SENDER = "colonel@" + DOMAIN;
    public static final String PASSWORD = "secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path workingDirectory;
    private final GuiceJamesServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private GuardServer(Path workingDirectory, GuiceJamesServer server) {
        this.workingDirectory = workingDirectory;
        this.server = server;
    }

    public static Builder builder(int receiverPort) {
        return new Builder(receiverPort);
    }

    public static final class Builder {
        private final int receiverPort;
        private final Map<String, String> mailetContainerEdits = new LinkedHashMap<>();
        private final Map<String, String> extraFiles = new LinkedHashMap<>();
        private String extraWebAdminProperties = "";
        private final java.util.List<String> extraUsers = new java.util.ArrayList<>();
        private Path workingDirectory;
        private int smtpPort;
        private int imapPort;
        private int webAdminPort;

        private Builder(int receiverPort) {
            this.receiverPort = receiverPort;
        }

        /** The action of the first band's guard (in the sample: bounce, for scores of 75 and up). */
        Builder action(String action) {
            mailetContainerEdits.put("<action>bounce</action>", "<action>" + action + "</action>");
            return this;
        }

        /** action confirm for the first band's guard, with these extra LookalikeGuard parameters (XML elements). */
        Builder confirm(String parametersXml) {
            mailetContainerEdits.put("<action>bounce</action>", "<action>confirm</action>" + parametersXml);
            return this;
        }

        /** More local users (password {@value GuardServer#PASSWORD}). */
        Builder users(String... addresses) {
            extraUsers.addAll(java.util.List.of(addresses));
            return this;
        }

        /** The sample configuration without the guard (none of its matchers): for measuring what the guard costs. */
        public Builder withoutGuard() {
            mailetContainerEdits.put("(?s)<mailet match=\"dev\\.lookalikeguard\\.james\\.RecipientIsLookalike=.*?</mailet>", "");
            return this;
        }

        /** Another matcher class in place of RecipientIsLookalike, in every band (fault injection). */
        Builder matcherClass(String className) {
            mailetContainerEdits.put("dev.lookalikeguard.james.RecipientIsLookalike=", className + "=");
            return this;
        }

        /**
         * This condition for every matcher in place of the sample configuration's (no double quotes: it goes into an XML
         * attribute): the first, whose action {@link #action} and {@link #confirm} change, then takes every look-alike.
         */
        public Builder condition(String condition) {
            mailetContainerEdits.put("(?s)RecipientIsLookalike=[^\"]*\"", "RecipientIsLookalike=" + condition + "\"");
            return this;
        }

        /** An extra file in conf/ (e.g. a JWT public key). */
        Builder confFile(String name, String content) {
            extraFiles.put(name, content);
            return this;
        }

        /** Lines appended to webadmin.properties. */
        Builder webAdminProperties(String lines) {
            extraWebAdminProperties += lines;
            return this;
        }

        /** Fixed listener ports (0: any free one), for a server run as a separate process. */
        Builder ports(int smtp, int imap, int webAdmin) {
            this.smtpPort = smtp;
            this.imapPort = imap;
            this.webAdminPort = webAdmin;
            return this;
        }

        /** Reuse a working directory (to restart a server on the same file-backed data). */
        Builder workingDirectory(Path directory) {
            this.workingDirectory = directory;
            return this;
        }

        /** Writes the configuration; does not start anything. */
        Path prepare() throws IOException {
            Path directory = workingDirectory != null ? workingDirectory : Files.createTempDirectory("guard-it");
            Path conf = directory.resolve("conf");
            Files.createDirectories(conf);
            try (Stream<Path> files = Files.list(confSource())) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, conf.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            edit(conf.resolve("smtpserver.xml"), Map.of("127.0.0.1:2525", "127.0.0.1:" + smtpPort));
            edit(conf.resolve("imapserver.xml"), Map.of("127.0.0.1:1143", "127.0.0.1:" + imapPort));
            edit(conf.resolve("webadmin.properties"), Map.of("port=8000", "port=" + webAdminPort));
            Files.writeString(conf.resolve("webadmin.properties"), "\n" + extraWebAdminProperties + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            for (Map.Entry<String, String> file : extraFiles.entrySet()) {
                Files.writeString(conf.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            Map<String, String> mailets = new LinkedHashMap<>(mailetContainerEdits);
            mailets.put("<mailet match=\"All\" class=\"RemoteDelivery\">", "<mailet match=\"All\" class=\"RemoteDelivery\">"
                + "<gateway>127.0.0.1</gateway><gatewayPort>" + receiverPort + "</gatewayPort>"
                + "<heloName>guard.test</heloName><timeout>10000</timeout><connectiontimeout>5000</connectiontimeout>");
            mailets.put("<delayTime>5000, 100000, 500000</delayTime>", "<delayTime>200</delayTime>");
            edit(conf.resolve("mailetcontainer.xml"), mailets);
            return directory;
        }

        public GuardServer start() throws Exception {
            Path directory = prepare();
            MemoryJamesConfiguration configuration = MemoryJamesConfiguration.builder()
                .workingDirectory(directory.toFile())
                .build();
            GuiceJamesServer server = MemoryJamesServerMain.createServer(configuration)
                .combineWith(new FakeSearchMailboxModule());
            try {
                server.start();
            } catch (Exception | Error e) {
                stopQuietly(server);
                if (workingDirectory == null) {
                    delete(directory);
                }
                throw e;
            }
            GuardServer guard = new GuardServer(directory, server);
            DataProbeImpl data = server.getProbe(DataProbeImpl.class);
            java.util.List<String> users = new java.util.ArrayList<>(extraUsers);
            users.add(0, SENDER);
            for (String user : users) {
                if (!java.util.Arrays.asList(data.listUsers()).contains(user)) {
                    data.addUser(user, PASSWORD);
                }
            }
            return guard;
        }

        private static Path confSource() {
            return Path.of(System.getProperty("lookalike.conf.dir", "conf"));
        }

        private static void edit(Path file, Map<String, String> replacements) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                String edited = replacement.getKey().startsWith("(?s)")
                    ? text.replaceAll(replacement.getKey(), java.util.regex.Matcher.quoteReplacement(replacement.getValue()))
                    : text.replace(replacement.getKey(), replacement.getValue());
                if (edited.equals(text)) {
                    throw new IllegalStateException(file.getFileName() + " no longer contains " + replacement.getKey()
                        + ": update the integration-test overrides");
                }
                text = edited;
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    public int smtpPort() {
        return server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
    }

    public int imapPort() {
        return server.getProbe(ImapGuiceProbe.class).getImapPort();
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    /** Sends one message over SMTP from the local sender to these recipients. */
    public void send(String subject, String... recipients) throws Exception {
        String message = asString(MimeMessageBuilder.mimeMessageBuilder()
            .setSender(SENDER)
            .addToRecipient(recipients)
            .setSubject(subject)
            .setText("Travel plans: arriving 0900.")
            .build());
        try (SMTPMessageSender sender = new SMTPMessageSender(DOMAIN)) {
            sender.connect("127.0.0.1", Port.of(smtpPort())).sendMessageWithHeaders(SENDER, List.of(recipients), message);
        }
    }

    private static String asString(javax.mail.internet.MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    // WebAdmin

    JsonNode webAdmin(String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = webAdminResponse(method, path);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    HttpResponse<String> webAdminResponse(String method, String path) throws IOException, InterruptedException {
        return webAdminResponse(method, path, Map.of());
    }

    HttpResponse<String> webAdminResponse(String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        int port = server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    List<String> quarantinedKeys() throws IOException, InterruptedException {
        JsonNode keys = webAdmin("GET", "/mailRepositories/var%2Fmail%2Fquarantine/mails");
        return JSON.convertValue(keys, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    @Override
    public void close() {
        stopQuietly(server);
        delete(workingDirectory);
    }

    /** Stops the server but keeps its working directory (for a restart on the same data). */
    void stop() {
        stopQuietly(server);
    }

    private static void stopQuietly(GuiceJamesServer server) {
        try {
            server.stop();
        } catch (RuntimeException e) {
            // already stopped or never started
        }
    }

    static void delete(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
