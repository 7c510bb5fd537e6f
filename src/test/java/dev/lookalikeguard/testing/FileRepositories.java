package dev.lookalikeguard.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryPath;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.file.FileMailRepository;
import org.apache.james.server.core.JamesServerResourceLoader;
import org.apache.james.server.core.filesystem.FileSystemImpl;

/** James's FileMailRepository, configured as the sample server has it (CACHEKEYS, no FIFO), under a directory. */
public final class FileRepositories implements MailRepositoryStore {
    private final FileSystemImpl fileSystem;
    private final Map<MailRepositoryUrl, MailRepository> repositories = new ConcurrentHashMap<>();

    public FileRepositories(Path directory) {
        this.fileSystem = new FileSystemImpl(new JamesServerResourceLoader(directory.toString()));
    }

    @Override
    public MailRepository select(MailRepositoryUrl url) throws MailRepositoryStoreException {
        try {
            return repositories.computeIfAbsent(url, this::open);
        } catch (IllegalStateException e) {
            throw new MailRepositoryStoreException("cannot open " + url.asString(), e);
        }
    }

    private MailRepository open(MailRepositoryUrl url) {
        try {
            FileMailRepository repository = new FileMailRepository();
            repository.setFileSystem(fileSystem);
            BaseHierarchicalConfiguration configuration = new BaseHierarchicalConfiguration();
            configuration.addProperty("[@destinationURL]", url.asString());
            configuration.addProperty("[@FIFO]", false);
            configuration.addProperty("[@CACHEKEYS]", true);
            repository.configure(configuration);
            repository.init();
            return repository;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<Protocol> defaultProtocol() {
        return Optional.of(new Protocol("file"));
    }

    @Override
    public Optional<MailRepository> get(MailRepositoryUrl url) {
        return Optional.ofNullable(repositories.get(url));
    }

    @Override
    public Stream<MailRepository> getByPath(MailRepositoryPath path) {
        return repositories.entrySet().stream().filter(entry -> entry.getKey().getPath().equals(path)).map(Map.Entry::getValue);
    }

    @Override
    public Stream<MailRepositoryUrl> getUrls() {
        return repositories.keySet().stream();
    }
}
