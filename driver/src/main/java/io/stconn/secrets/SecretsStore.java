package io.stconn.secrets;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link SecretsWatch} per distinct file list, shared by every connection that reads it. */
public final class SecretsStore {
    private record Key(Path project, Path home, String secretsFilesKwarg, String envSecretsFiles) {
    }

    private final ConcurrentHashMap<Key, SecretsWatch> watches = new ConcurrentHashMap<>();

    public SecretsWatch watch(Path project, Path home, String secretsFilesKwarg, String envSecretsFiles) {
        Key key = new Key(project, home, secretsFilesKwarg, envSecretsFiles);
        return watches.computeIfAbsent(key, k -> new SecretsWatch(k.project, k.home, k.secretsFilesKwarg, k.envSecretsFiles));
    }
}
