package io.stconn;

import java.util.Enumeration;
import java.util.Hashtable;
import java.util.Set;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;
import javax.sql.DataSource;

/**
 * Builds a {@link StconnDataSource} from a JNDI {@link Reference}: the one
 * {@link StconnDataSource#getReference()} gives, or an app server's resource definition of type
 * {@code javax.sql.DataSource} or {@code io.stconn.StconnDataSource}. The connection name comes from
 * {@code connectionName} (the server keeps {@code name} for the JNDI name), else {@code url}; then
 * {@code projectDir}, {@code ttl}, {@code maxEntries}, {@code username}, {@code password}; every other
 * attribute is a kwarg, as a URL parameter would be ({@code kwarg.<key>} is accepted too).
 */
public class StconnDataSourceFactory implements ObjectFactory {
    static final String KWARG_PREFIX = "kwarg.";
    private static final Set<String> TYPES = Set.of(DataSource.class.getName(), StconnDataSource.class.getName());
    /** What the server itself writes into a resource reference (Tomcat's ResourceRef and Resource attributes). */
    private static final Set<String> SERVER_ATTRIBUTES = Set.of("description", "scope", "auth", "singleton",
            "factory", "closeMethod", "type");

    @Override
    public Object getObjectInstance(Object obj, Name name, Context nameCtx, Hashtable<?, ?> environment) {
        if (!(obj instanceof Reference ref) || !TYPES.contains(ref.getClassName())) {
            return null;
        }
        StconnDataSource ds = new StconnDataSource();
        Enumeration<RefAddr> all = ref.getAll();
        while (all.hasMoreElements()) {
            RefAddr addr = all.nextElement();
            String value = addr.getContent() == null ? null : String.valueOf(addr.getContent());
            String type = addr.getType();
            switch (type) {
                case "url" -> ds.setUrl(value);
                case "connectionName", "name" -> ds.setName(value);
                case "projectDir" -> ds.setProjectDir(value);
                case "ttl" -> ds.setTtl(value);
                case "maxEntries" -> ds.setMaxEntries(value);
                case "username", "user" -> ds.setUsername(value);
                case "password" -> ds.setPassword(value);
                default -> {
                    if (type.startsWith(KWARG_PREFIX)) {
                        ds.setProperty(type.substring(KWARG_PREFIX.length()), value);
                    } else if (!SERVER_ATTRIBUTES.contains(type) && value != null) {
                        ds.setProperty(type, value);
                    }
                }
            }
        }
        return ds;
    }
}
