package dev.lookalikeguard.it;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The "rest of the internet" for a test: an SMTP receiver on a free loopback port that James's
 * RemoteDelivery uses as its gateway. Whatever reaches it has left the server.
 */
public final class LoopbackReceiver implements Receiver {
    private final GreenMail greenMail;

    public LoopbackReceiver() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
    }

    @Override
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public List<MimeMessage> messages() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** The copies delivered to this envelope recipient (GreenMail keeps one mailbox per recipient). */
    List<MimeMessage> deliveredTo(String address) {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
            return inbox.getMessages().stream().map(StoredMessage::getMimeMessage).collect(Collectors.toList());
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The copies delivered to every mailbox whose address starts with {@code localPart@}, whatever its domain form. */
    public int deliveredToLocalPart(String localPart) {
        return deliveredWhere(email -> email.startsWith(localPart + "@"));
    }

    /** The copies delivered to every mailbox whose address starts with {@code prefix}. */
    public int deliveredToLocalPartPrefix(String prefix) {
        return deliveredWhere(email -> email.startsWith(prefix));
    }

    private int deliveredWhere(java.util.function.Predicate<String> address) {
        int count = 0;
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            if (address.test(user.getEmail())) {
                try {
                    count += greenMail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
                } catch (FolderException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return count;
    }

    public void reset() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
