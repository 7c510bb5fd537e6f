package dev.lookalikeguard.james;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.mailrepository.api.MailRepositoryPath;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.api.Protocol;

import dev.lookalikeguard.detect.DomainName;
import dev.lookalikeguard.detect.InvalidDomainException;
import dev.lookalikeguard.state.Durations;

/**
 * The mailet parameters of {@link LookalikeGuard}, validated once in {@code init()}. Immutable.
 */
public final class GuardConfiguration {
    public static final String ACTION = "action";
    public static final String REPOSITORY_PATH = "repositoryPath";
    public static final String HEADER = "header";
    public static final String STATUS = "status";
    public static final String ATTACHMENT = "attachment";
    public static final String LANGUAGE = "language";
    public static final String NOTICE_TEMPLATE = "noticeTemplate";
    public static final String POSTMASTER_COPY = "postmasterCopy";
    public static final String CONFIRM_SECRET = "confirmSecret";
    public static final String CONFIRM_ADDRESS = "confirmAddress";
    public static final String CONFIRM_EXPIRY = "confirmExpiry";
    public static final String HELD_EXPIRY = "heldExpiry";
    public static final String NO_CONFIRM = "noConfirm";
    public static final String REMEMBER = "remember";
    public static final String CONFIRM_TEMPLATE = "confirmTemplate";
    public static final Set<String> PARAMETERS = Set.of(ACTION, REPOSITORY_PATH, HEADER, STATUS, ATTACHMENT, LANGUAGE,
        NOTICE_TEMPLATE, POSTMASTER_COPY, CONFIRM_SECRET, CONFIRM_ADDRESS, CONFIRM_EXPIRY, HELD_EXPIRY, NO_CONFIRM, REMEMBER,
        CONFIRM_TEMPLATE);
    private static final int MIN_SECRET_LENGTH = 16;
    /**
     * Different characters a secret must have at least: 16 random hex digits have fewer once in 2.5 million, 32 never in
     * practice; "aaaaaaaaaaaaaaaa" or "abababababababab" have fewer.
     */
    private static final int MIN_SECRET_DISTINCT = 5;

    public static final String DEFAULT_REPOSITORY_PATH = "var/mail/quarantine";
    public static final String DEFAULT_HEADER = "X-Lookalike-Guard";
    public static final String DEFAULT_STATUS = "5.7.1";

    /** What the notice carries of the original message. */
    public enum Attachment { HEADERS, MESSAGE, NONE }

    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");
    private static final Pattern STATUS_CODE = Pattern.compile("5\\.\\d{1,3}\\.\\d{1,3}");

    private final GuardAction action;
    private final Optional<String> repository;
    private final String header;
    private final String status;
    private final Attachment attachment;
    private final NoticeTemplate notice;
    private final boolean postmasterCopy;
    private final Optional<Confirm> confirm;

    /** The settings of action=confirm. */
    static final class Confirm {
        final String secret;
        final MailAddress address;
        final Duration tokenValidity;
        final Duration heldExpiry;
        final List<String> noConfirm;
        final Duration remember;
        final NoticeTemplate template;

        Confirm(String secret, MailAddress address, Duration tokenValidity, Duration heldExpiry, List<String> noConfirm,
                Duration remember, NoticeTemplate template) {
            this.secret = secret;
            this.address = address;
            this.tokenValidity = tokenValidity;
            this.heldExpiry = heldExpiry;
            this.noConfirm = List.copyOf(noConfirm);
            this.remember = remember;
            this.template = template;
        }

        /** Whether a look-alike of {@code nearest} may be released by its sender. */
        boolean allowsSelfRelease(String nearest) {
            return noConfirm.stream().noneMatch(entry -> nearest.equals(entry) || nearest.endsWith("." + entry));
        }
    }

    private GuardConfiguration(GuardAction action, Optional<String> repository, String header, String status,
                               Attachment attachment, NoticeTemplate notice, boolean postmasterCopy, Optional<Confirm> confirm) {
        this.action = action;
        this.repository = repository;
        this.header = header;
        this.status = status;
        this.attachment = attachment;
        this.notice = notice;
        this.postmasterCopy = postmasterCopy;
        this.confirm = confirm;
    }

    /**
     * Reads and validates the parameters (unknown ones are refused by the mailet, with
     * {@code GenericMailet.checkInitParameters} and {@link #PARAMETERS}).
     *
     * @param parameter the mailet's parameter lookup (null when absent)
     */
    static GuardConfiguration parse(Function<String, String> parameter) throws MessagingException {
        GuardAction action = parseAction(parameter.apply(ACTION));
        Optional<String> repository = Optional.ofNullable(parameter.apply(REPOSITORY_PATH)).map(String::strip);
        if (repository.isPresent() && repository.get().isEmpty()) {
            throw new MessagingException("LookalikeGuard: parameter '" + REPOSITORY_PATH + "' is empty; expected a "
                + "repository path such as var/mail/quarantine or a URL such as file://var/mail/quarantine/");
        }
        String header = Optional.ofNullable(parameter.apply(HEADER)).map(String::strip).orElse(DEFAULT_HEADER);
        if (!HEADER_NAME.matcher(header).matches()) {
            throw new MessagingException("LookalikeGuard: parameter '" + HEADER + "' is '" + header
                + "'; expected a header name (printable ASCII, no space or colon), e.g. " + DEFAULT_HEADER);
        }
        String status = Optional.ofNullable(parameter.apply(STATUS)).map(String::strip).orElse(DEFAULT_STATUS);
        if (!STATUS_CODE.matcher(status).matches()) {
            throw new MessagingException("LookalikeGuard: parameter '" + STATUS + "' is '" + status
                + "'; expected a permanent-failure status code 5.X.Y (RFC 3463), e.g. 5.7.1 or 5.1.2");
        }
        Attachment attachment = parseAttachment(parameter.apply(ATTACHMENT));
        NoticeTemplate notice = parseNotice(parameter.apply(LANGUAGE), notBlank(NOTICE_TEMPLATE, parameter.apply(NOTICE_TEMPLATE),
            "the path of a notice template file"));
        boolean postmasterCopy = parseBoolean(POSTMASTER_COPY, parameter.apply(POSTMASTER_COPY), false);
        Optional<Confirm> confirm = action == GuardAction.CONFIRM ? Optional.of(parseConfirm(parameter)) : Optional.empty();
        if (action != GuardAction.CONFIRM) {
            for (String name : List.of(CONFIRM_SECRET, CONFIRM_ADDRESS, CONFIRM_EXPIRY, HELD_EXPIRY, NO_CONFIRM, REMEMBER,
                CONFIRM_TEMPLATE)) {
                if (parameter.apply(name) != null) {
                    throw new MessagingException("LookalikeGuard: parameter '" + name + "' only applies to action confirm");
                }
            }
        }
        return new GuardConfiguration(action, repository, header, status, attachment, notice, postmasterCopy, confirm);
    }

    private static Confirm parseConfirm(Function<String, String> parameter) throws MessagingException {
        String secret = parameter.apply(CONFIRM_SECRET);
        if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
            throw new MessagingException("LookalikeGuard: parameter '" + CONFIRM_SECRET + "' is required with action confirm: "
                + "a secret of at least " + MIN_SECRET_LENGTH + " characters (e.g. the output of: openssl rand -hex 32)");
        }
        if (!looksRandom(secret.strip())) {
            // Whoever knows the secret can make release tokens: a sentence, a placeholder copied from an example or a
            // repeated character is guessable.
            throw new MessagingException("LookalikeGuard: parameter '" + CONFIRM_SECRET + "' does not look random (it "
                + "has spaces, or fewer than " + MIN_SECRET_DISTINCT + " different characters): use the output of "
                + "openssl rand -hex 32");
        }
        Optional<String> addressValue = Optional.ofNullable(parameter.apply(CONFIRM_ADDRESS)).map(String::strip);
        if (addressValue.isEmpty()) {
            throw new MessagingException("LookalikeGuard: parameter '" + CONFIRM_ADDRESS + "' is required with action confirm: "
                + "the address senders reply to, an existing address of this server, e.g. lookalike-release@example.gov");
        }
        MailAddress address;
        try {
            address = new MailAddress(addressValue.get());
        } catch (AddressException e) {
            throw new MessagingException("LookalikeGuard: parameter '" + CONFIRM_ADDRESS + "' is '" + addressValue.get()
                + "'; expected an address of this server, e.g. lookalike-release@example.gov");
        }
        Duration validity = positive(CONFIRM_EXPIRY, duration(CONFIRM_EXPIRY, parameter.apply(CONFIRM_EXPIRY), Duration.ofDays(7)));
        Duration heldExpiry = positive(HELD_EXPIRY, duration(HELD_EXPIRY, parameter.apply(HELD_EXPIRY), validity));
        Duration remember = duration(REMEMBER, parameter.apply(REMEMBER), Duration.ZERO);
        String noConfirmExpected = "the suffixes or domains whose look-alikes only an administrator may release, e.g. mil";
        String noConfirmValue = notBlank(NO_CONFIRM, parameter.apply(NO_CONFIRM), noConfirmExpected);
        List<String> noConfirm = new ArrayList<>();
        for (String entry : Optional.ofNullable(noConfirmValue).orElse("").split("[,\\s]+")) {
            if (!entry.isBlank()) {
                try {
                    noConfirm.add(DomainName.parse(entry).ascii());
                } catch (InvalidDomainException e) {
                    throw new MessagingException("LookalikeGuard: parameter '" + NO_CONFIRM + "': '" + entry + "' is "
                        + e.getMessage());
                }
            }
        }
        if (noConfirmValue != null && noConfirm.isEmpty()) {
            throw new MessagingException("LookalikeGuard: parameter '" + NO_CONFIRM + "' is '" + noConfirmValue.strip()
                + "'; expected " + noConfirmExpected);
        }
        NoticeTemplate template;
        String file = notBlank(CONFIRM_TEMPLATE, parameter.apply(CONFIRM_TEMPLATE), "the path of a confirmation template file");
        if (file != null) {
            try {
                template = NoticeTemplate.fromFile(Path.of(file.strip()));
            } catch (MessagingException e) {
                throw new MessagingException("LookalikeGuard: parameter '" + CONFIRM_TEMPLATE + "': " + e.getMessage(), e);
            }
        } else {
            String language = Optional.ofNullable(parameter.apply(LANGUAGE)).map(l -> l.strip().toLowerCase(Locale.ROOT))
                .orElse("en");
            template = NoticeTemplate.builtIn("confirm", language);
        }
        return new Confirm(secret.strip(), address, validity, heldExpiry, noConfirm, remember, template);
    }

    /**
     * A parameter's value, or null when it is not given; one given empty (or blank) is refused rather than read as not
     * given: an admin who wrote it meant something, and a silent default (no names kept for an administrator, the
     * built-in notice) is not it.
     */
    private static String notBlank(String name, String value, String expected) throws MessagingException {
        if (value != null && value.isBlank()) {
            throw new MessagingException("LookalikeGuard: parameter '" + name + "' is empty; expected " + expected
                + ", or leave the parameter out");
        }
        return value;
    }

    /** Whether a secret looks like a random string: no white space, and enough different characters. */
    private static boolean looksRandom(String secret) {
        return secret.chars().noneMatch(Character::isWhitespace) && secret.chars().distinct().count() >= MIN_SECRET_DISTINCT;
    }

    /** A duration with its unit (see {@link Durations}), or {@code defaultValue} when the parameter is not given. */
    static Duration duration(String name, String value, Duration defaultValue) throws MessagingException {
        if (value == null) {
            return defaultValue;
        }
        try {
            return Durations.withUnit(value).orElseThrow(() -> new MessagingException("LookalikeGuard: parameter '" + name
                + "' is '" + value + "'; expected " + Durations.FORM));
        } catch (IllegalArgumentException e) {
            throw new MessagingException("LookalikeGuard: parameter '" + name + "' is '" + value + "'; expected "
                + Durations.FORM + " (" + e.getMessage() + ")");
        }
    }

    private static Duration positive(String name, Duration duration) throws MessagingException {
        if (duration.isZero()) {
            throw new MessagingException("LookalikeGuard: parameter '" + name + "' is zero; expected " + Durations.FORM);
        }
        return duration;
    }

    private static NoticeTemplate parseNotice(String language, String template) throws MessagingException {
        if (template != null) {
            if (language != null) {
                throw new MessagingException("LookalikeGuard: give either '" + LANGUAGE + "' or '" + NOTICE_TEMPLATE + "', not both");
            }
            try {
                return NoticeTemplate.fromFile(Path.of(template.strip()));
            } catch (MessagingException e) {
                throw new MessagingException("LookalikeGuard: parameter '" + NOTICE_TEMPLATE + "': " + e.getMessage(), e);
            }
        }
        String code = language == null ? "en" : language.strip().toLowerCase(Locale.ROOT);
        if (!NoticeTemplate.LANGUAGES.contains(code)) {
            throw new MessagingException("LookalikeGuard: parameter '" + LANGUAGE + "' is '" + language
                + "'; expected one of " + new TreeSet<>(NoticeTemplate.LANGUAGES) + " (or a " + NOTICE_TEMPLATE + " file)");
        }
        return NoticeTemplate.builtIn(code);
    }

    private static boolean parseBoolean(String name, String value, boolean defaultValue) throws MessagingException {
        if (value == null) {
            return defaultValue;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
                return true;
            case "false":
            case "no":
                return false;
            default:
                throw new MessagingException("LookalikeGuard: parameter '" + name + "' is '" + value + "'; expected true or false");
        }
    }

    private static GuardAction parseAction(String value) throws MessagingException {
        if (value == null) {
            return GuardAction.BOUNCE;
        }
        try {
            return GuardAction.parse(value);
        } catch (IllegalArgumentException e) {
            throw new MessagingException("LookalikeGuard: parameter '" + ACTION + "' is '" + value
                + "'; expected bounce, hold, tag or confirm");
        }
    }

    private static Attachment parseAttachment(String value) throws MessagingException {
        if (value == null) {
            return Attachment.HEADERS;
        }
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "heads":
            case "headers":
                return Attachment.HEADERS;
            case "message":
                return Attachment.MESSAGE;
            case "none":
                return Attachment.NONE;
            default:
                throw new MessagingException("LookalikeGuard: parameter '" + ATTACHMENT + "' is '" + value
                    + "'; expected heads, message or none");
        }
    }

    /** The quarantine URL: the parameter as given when it has a protocol, else the path under the default one. */
    MailRepositoryUrl repositoryUrl(Optional<Protocol> defaultProtocol) {
        String value = repository.orElse(DEFAULT_REPOSITORY_PATH);
        int scheme = value.indexOf("://");
        Protocol protocol = scheme >= 0 ? new Protocol(value.substring(0, scheme)) : defaultProtocol.orElse(new Protocol("memory"));
        return MailRepositoryUrl.fromPathAndProtocol(protocol,
            MailRepositoryPath.from(normalPath(scheme >= 0 ? value.substring(scheme + 3) : value)));
    }

    /**
     * The path with no empty or {@code .} segment and each {@code ..} taken back, without a trailing slash: one folder
     * has one spelling, so that two guards cannot share a quarantine by writing it twice ({@code var//mail/quarantine/},
     * {@code var/mail/../mail/quarantine}).
     */
    static String normalPath(String path) {
        return Path.of(path).normalize().toString();
    }

    public GuardAction action() {
        return action;
    }

    public String header() {
        return header;
    }

    public String status() {
        return status;
    }

    public Attachment attachment() {
        return attachment;
    }

    NoticeTemplate notice() {
        return notice;
    }

    Optional<Confirm> confirm() {
        return confirm;
    }

    /** Whether the postmaster gets a copy of every notice. */
    public boolean postmasterCopy() {
        return postmasterCopy;
    }
}
