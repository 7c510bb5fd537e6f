package dev.lookalikeguard.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * James's memory server with the guard as a separate JVM, the way {@code bin/james} runs it
 * ({@code MemoryJamesServerMain}, {@code -Dworking.directory}), on fixed loopback ports, so a test can
 * {@code kill -9} it and start it again on the same working directory. Its log is {@code logs/james.log} there.
 */
final class ServerProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path directory;
    private final int smtpPort;
    private final int imapPort;
    private final int webAdminPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    private ServerProcess(Path directory, int smtpPort, int imapPort, int webAdminPort) {
        this.directory = directory;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.webAdminPort = webAdminPort;
    }

    /** Writes the configuration of {@code builder} with free fixed ports into a new directory; starts nothing. */
    static ServerProcess prepare(GuardServer.Builder builder) throws IOException {
        int smtp = freePort();
        int imap = freePort();
        int webAdmin = freePort();
        Path directory = builder.ports(smtp, imap, webAdmin).prepare();
        return new ServerProcess(directory, smtp, imap, webAdmin);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the server and waits until it answers on SMTP and WebAdmin; then creates these users (password secret). */
    void start(String... users) throws Exception {
        Files.createDirectories(directory.resolve("logs"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx512m",
            "-Dworking.directory=" + directory,
            "-Dlogback.configurationFile=" + directory.resolve("conf/logback.xml"),
            "-Dextra.props=" + directory.resolve("conf/jvm.properties"),
            "-cp", System.getProperty("java.class.path"),
            "org.apache.james.MemoryJamesServerMain")
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("logs/console.log").toFile())
            .start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server process died at start-up; see " + directory.resolve("logs"));
            }
            return accepts(smtpPort) && webAdminStatus("GET", "/healthcheck") == 200;
        });
        for (String user : users) {
            int status = webAdminStatus("PUT", "/users/" + user, "{\"password\":\"" + GuardServer.PASSWORD + "\"}");
            if (status != 204 && status != 409) {
                throw new IllegalStateException("could not create " + user + ": " + status);
            }
        }
    }

    /** {@code kill -9} of the server's JVM: no shutdown hook, nothing flushed. */
    void kill9() throws Exception {
        long pid = process.pid();
        Process kill = new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -9 " + pid + " failed");
        }
        process.waitFor(30, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    int smtpPort() {
        return smtpPort;
    }

    int imapPort() {
        return imapPort;
    }

    Path directory() {
        return directory;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    JsonNode webAdmin(String method, String path) throws Exception {
        HttpResponse<String> response = send(method, path, "");
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    int webAdminStatus(String method, String path) {
        return webAdminStatus(method, path, "");
    }

    private int webAdminStatus(String method, String path, String body) {
        try {
            return send(method, path, body).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webAdminPort + path))
            .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** The recipients held right now, from the guard's route. */
    List<String> heldRecipients() throws Exception {
        List<String> recipients = new java.util.ArrayList<>();
        for (JsonNode mail : webAdmin("GET", "/lookalike/quarantine?limit=500").get("mails")) {
            mail.get("recipients").forEach(r -> recipients.add(r.get("address").asText()));
        }
        return recipients;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        GuardServer.delete(directory);
    }
}
