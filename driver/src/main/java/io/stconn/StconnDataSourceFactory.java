package io.stconn;

import java.util.Enumeration;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.Name;
import javax.naming.RefAddr;
import javax.naming.Reference;
import javax.naming.spi.ObjectFactory;

/**
 * Builds a {@link StconnDataSource} from a JNDI {@link Reference}: the one
 * {@link StconnDataSource#getReference()} gives, or an app server's resource definition with the
 * attributes {@code name} (or {@code url}), {@code projectDir}, {@code ttl}, {@code maxEntries},
 * {@code username}, {@code password}, and {@code kwarg.<key>} for any other kwarg.
 */
public class StconnDataSourceFactory implements ObjectFactory {
    static final String KWARG_PREFIX = "kwarg.";

    @Override
    public Object getObjectInstance(Object obj, Name name, Context nameCtx, Hashtable<?, ?> environment) {
        if (!(obj instanceof Reference ref) || !StconnDataSource.class.getName().equals(ref.getClassName())) {
            return null;
        }
        StconnDataSource ds = new StconnDataSource();
        Enumeration<RefAddr> all = ref.getAll();
        while (all.hasMoreElements()) {
            RefAddr addr = all.nextElement();
            String value = addr.getContent() == null ? null : String.valueOf(addr.getContent());
            switch (addr.getType()) {
                case "url" -> ds.setUrl(value);
                case "name" -> ds.setName(value);
                case "projectDir" -> ds.setProjectDir(value);
                case "ttl" -> ds.setTtl(value);
                case "maxEntries" -> ds.setMaxEntries(value);
                case "username", "user" -> ds.setUsername(value);
                case "password" -> ds.setPassword(value);
                default -> {
                    if (addr.getType().startsWith(KWARG_PREFIX)) {
                        ds.setProperty(addr.getType().substring(KWARG_PREFIX.length()), value);
                    }
                }
            }
        }
        return ds;
    }
}
