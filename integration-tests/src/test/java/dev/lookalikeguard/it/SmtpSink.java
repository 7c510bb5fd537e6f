package dev.lookalikeguard.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal SMTP receiver on a free loopback port that accepts every envelope, including the null
 * sender ({@code MAIL FROM:<>}) of notices, which GreenMail 1.6 refuses at RCPT. For tests that must
 * count everything a server sends out, notices included.
 */
final class SmtpSink implements Receiver {
    /** One accepted message: its envelope and its text. */
    static final class Received {
        final String mailFrom;
        final List<String> rcptTo;
        final String data;

        Received(String mailFrom, List<String> rcptTo, String data) {
            this.mailFrom = mailFrom;
            this.rcptTo = List.copyOf(rcptTo);
            this.data = data;
        }
    }

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();

    SmtpSink() {
        try {
            server = new ServerSocket(0, 500, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.submit(this::accept);
    }

    @Override
    public int port() {
        return server.getLocalPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The messages whose envelope names this recipient (case-insensitive). */
    long deliveredTo(String address) {
        return received.stream().filter(r -> r.rcptTo.stream().anyMatch(address::equalsIgnoreCase)).count();
    }

    void reset() {
        received.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // keep accepting
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink.test ESMTP");
            String mailFrom = null;
            List<String> rcptTo = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-sink.test\r\n250 8BITMIME");
                } else if (command.startsWith("HELO")) {
                    reply(out, "250 sink.test");
                } else if (command.startsWith("MAIL FROM:")) {
                    mailFrom = path(line.substring(10));
                    rcptTo.clear();
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO:")) {
                    rcptTo.add(path(line.substring(8)));
                    reply(out, "250 OK");
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    StringBuilder data = new StringBuilder();
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                    }
                    received.add(new Received(mailFrom, rcptTo, data.toString()));
                    reply(out, "250 accepted");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String path(String argument) {
        String value = argument.strip();
        int open = value.indexOf('<');
        int close = value.indexOf('>');
        return open >= 0 && close > open ? value.substring(open + 1, close) : value.split(" ")[0];
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.shutdownNow();
    }
}
