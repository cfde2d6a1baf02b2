package io.stconn.secrets;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link SecretsWatch} per distinct file list, shared by every connection that reads it. */
public final class SecretsStore {
    private record Key(Path project, Path home, String secretsFilesKwarg, String envSecretsFiles) {
        // written out, not generated: generated record methods leave this class in a JDK-wide cache
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key other
                && Objects.equals(project, other.project)
                && Objects.equals(home, other.home)
                && Objects.equals(secretsFilesKwarg, other.secretsFilesKwarg)
                && Objects.equals(envSecretsFiles, other.envSecretsFiles);
        }

        @Override
        public int hashCode() {
            return Objects.hash(project, home, secretsFilesKwarg, envSecretsFiles);
        }

        @Override
        public String toString() {
            return "Key[project=" + project + ", home=" + home + ", secretsFilesKwarg=" + secretsFilesKwarg
                    + ", envSecretsFiles=" + envSecretsFiles + "]";
        }
    }

    private final ConcurrentHashMap<Key, SecretsWatch> watches = new ConcurrentHashMap<>();

    public SecretsWatch watch(Path project, Path home, String secretsFilesKwarg, String envSecretsFiles) {
        Key key = new Key(project, home, secretsFilesKwarg, envSecretsFiles);
        return watches.computeIfAbsent(key, k -> new SecretsWatch(k.project, k.home, k.secretsFilesKwarg, k.envSecretsFiles));
    }
}
