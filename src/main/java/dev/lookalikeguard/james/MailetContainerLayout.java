package dev.lookalikeguard.james;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.server.core.configuration.ConfigurationProvider;

/**
 * The processors of {@code mailetcontainer.xml} and the mailets of each (their class names as written, less any
 * package), as James reads the file: what the guard's parts check about the rest of the container (a release into a
 * processor that writes to the mail's sender; a confirm guard without the release mailet). Immutable.
 */
public final class MailetContainerLayout {
    /** James's mailets that write to a mail's sender, or may be configured to (Resend, Redirect), in the order named. */
    public static final List<String> NOTIFYING_MAILETS = List.of("Bounce", "DSNBounce", "NotifySender", "Resend", "Redirect");

    private final SortedMap<String, List<String>> mailets;

    private MailetContainerLayout(SortedMap<String, List<String>> mailets) {
        this.mailets = Collections.unmodifiableSortedMap(mailets);
    }

    /** The layout of the server's {@code mailetcontainer.xml}. */
    public static MailetContainerLayout of(ConfigurationProvider configuration) {
        try {
            SortedMap<String, List<String>> mailets = new TreeMap<>();
            for (HierarchicalConfiguration<ImmutableNode> processor : configuration.getConfiguration("mailetcontainer")
                    .configurationsAt("processors.processor")) {
                String state = processor.getString("[@state]");
                if (state != null) {
                    mailets.put(state, processor.configurationsAt("mailet").stream()
                        .map(mailet -> simpleName(Objects.toString(mailet.getString("[@class]"), "")))
                        .collect(Collectors.toUnmodifiableList()));
                }
            }
            return new MailetContainerLayout(mailets);
        } catch (ConfigurationException e) {
            throw new IllegalStateException("cannot read the processors of mailetcontainer.xml", e);
        }
    }

    /** A layout given processor by processor (processor name to its mailets' class names), for tests. */
    public static MailetContainerLayout of(SortedMap<String, List<String>> mailets) {
        return new MailetContainerLayout(new TreeMap<>(mailets));
    }

    /** The processors' names, in alphabetical order. */
    public Set<String> processors() {
        return mailets.keySet();
    }

    /**
     * Whether the processor has a mailet that writes to a mail's sender ({@code Bounce}, {@code DSNBounce},
     * {@code NotifySender}) or may be configured to ({@code Resend}, {@code Redirect}). Its own mailets only: where its
     * {@code ToProcessor} mailets may send a mail depends on their matchers, which only the mail decides.
     */
    public boolean notifiesSender(String processor) {
        return mailets.getOrDefault(processor, List.of()).stream().anyMatch(NOTIFYING_MAILETS::contains);
    }

    /** The processors that write to no mail's sender (see {@link #notifiesSender}), in alphabetical order. */
    public List<String> processorsNotNotifyingSender() {
        return processors().stream().filter(processor -> !notifiesSender(processor)).collect(Collectors.toList());
    }

    /** Whether the processor has a mailet of this class (its name less any package). */
    public boolean hasMailet(String processor, String simpleClassName) {
        return mailets.getOrDefault(processor, List.of()).contains(simpleClassName);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
