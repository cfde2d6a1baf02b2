package io.stconn.dialect;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The URL of a dialect whose own connection type maps it (Snowflake's {@code snowflake://} form):
 * the dialect reads and translates the SQLAlchemy URL, the type turns its parts into the real
 * target, so that both roads to that database share one mapping. Found with {@link ServiceLoader}
 * by dialect name, which keeps this package free of any connection type.
 */
public interface TypeUrlForm {

    /** The canonical dialect name this form serves ("snowflake"). */
    String dialect();

    /**
     * @param parts      the URL's parts
     * @param settings   the URL's query parameters, after the dialect's translation
     * @param projectDir relative file paths resolve against it
     */
    JdbcTarget target(ConnectionParts parts, Map<String, String> settings, Path projectDir) throws SQLException;

    static TypeUrlForm of(Dialect dialect) {
        for (TypeUrlForm form : ServiceLoader.load(TypeUrlForm.class, TypeUrlForm.class.getClassLoader())) {
            if (form.dialect().equals(dialect.canonicalName())) {
                return form;
            }
        }
        throw new IllegalStateException("no URL form for the " + dialect.canonicalName() + " dialect in this jar");
    }
}
