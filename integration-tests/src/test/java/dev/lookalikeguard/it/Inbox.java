package dev.lookalikeguard.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.Store;

/** A local user's INBOX read over IMAP: what the guard told them. */
final class Inbox {
    private static final Pattern TOKEN = Pattern.compile("\\[release ([a-z0-9.+\\-]+)\\]");
    private static final Pattern RECIPIENT = Pattern.compile("Recipient:\\s+(\\S+)");
    private static final int READ_ATTEMPTS = 5;

    /** One message: its subject and its text (every text part, concatenated). */
    static final class Note {
        final String subject;
        final String text;

        Note(String subject, String text) {
            this.subject = subject;
            this.text = text;
        }

        /** The release token in the subject, if any. */
        String token() {
            Matcher matcher = TOKEN.matcher(subject);
            return matcher.find() ? matcher.group(1) : null;
        }

        /** The recipients the notice is about ("Recipient: ..." lines). */
        List<String> recipients() {
            List<String> recipients = new ArrayList<>();
            Matcher matcher = RECIPIENT.matcher(text);
            while (matcher.find()) {
                recipients.add(matcher.group(1));
            }
            return recipients;
        }
    }

    private Inbox() {
    }

    static List<Note> read(GuardServer james, String user) throws MessagingException, IOException {
        return read(james.imapPort(), user);
    }

    /**
     * The notes in the user's INBOX. James's IMAP server may refuse a FETCH while a message is being delivered to
     * the mailbox read ("BAD FETCH failed. Invalid messageset"): the read is tried again, a few times.
     */
    static List<Note> read(int imapPort, String user) throws MessagingException, IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return readOnce(imapPort, user);
            } catch (MessagingException e) {
                if (attempt == READ_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static List<Note> readOnce(int imapPort, String user) throws MessagingException, IOException {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(imapPort));
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", imapPort, user, GuardServer.PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Note> notes = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    notes.add(new Note(message.getSubject() == null ? "" : message.getSubject(), text(message)));
                }
                return notes;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        if (part.isMimeType("message/delivery-status")) {
            return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
        return "";
    }
}
