package dev.lookalikeguard.testing;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryPath;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.api.Protocol;

/** A real James repository store that can be made to fail: down, or after so many more selects. */
public final class BreakableStore implements MailRepositoryStore {
    private final MailRepositoryStore delegate;
    /** Selects still allowed; negative: unlimited. */
    private final AtomicInteger allowed = new AtomicInteger(-1);

    public BreakableStore(MailRepositoryStore delegate) {
        this.delegate = delegate;
    }

    /** Every select fails from now on. */
    public void breakDown() {
        allowed.set(0);
    }

    /** The next {@code selects} selects work, the ones after fail. */
    public void failAfter(int selects) {
        allowed.set(selects);
    }

    public void repair() {
        allowed.set(-1);
    }

    @Override
    public MailRepository select(MailRepositoryUrl url) throws MailRepositoryStoreException {
        if (allowed.get() == 0 || allowed.getAndUpdate(n -> n > 0 ? n - 1 : n) == 0) {
            throw new MailRepositoryStoreException("store down (test)");
        }
        return delegate.select(url);
    }

    @Override
    public Optional<Protocol> defaultProtocol() {
        return delegate.defaultProtocol();
    }

    @Override
    public Optional<MailRepository> get(MailRepositoryUrl url) throws MailRepositoryStoreException {
        return delegate.get(url);
    }

    @Override
    public Stream<MailRepository> getByPath(MailRepositoryPath path) throws MailRepositoryStoreException {
        return delegate.getByPath(path);
    }

    @Override
    public Stream<MailRepositoryUrl> getUrls() {
        return delegate.getUrls();
    }
}
