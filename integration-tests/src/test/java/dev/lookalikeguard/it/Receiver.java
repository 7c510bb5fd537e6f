package dev.lookalikeguard.it;

/** "The rest of the internet" for a test: an SMTP receiver on loopback that James's RemoteDelivery uses as its gateway. */
interface Receiver extends AutoCloseable {
    int port();

    @Override
    void close();
}
