package io.stconn.type.snowflake;

import io.stconn.SqlState;
import io.stconn.type.snowflake.SnowflakeParameters.Value;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where a Snowflake connection goes: the host snowflake-jdbc's URL names, built from the account,
 * region, host, port and protocol as snowflake-connector-python builds it. Every part is checked
 * before it becomes part of a host name.
 */
final class SnowflakeHost {
    static final String DOMAIN = ".snowflakecomputing.com";
    // what may become part of a host name: anything else (/ @ : ? # space) could point elsewhere
    private static final Pattern HOST_PART = Pattern.compile("[A-Za-z0-9_.-]+");

    private SnowflakeHost() {
    }

    /** {@code jdbc:snowflake://<host>[:<port>]/}; the account is checked before it becomes part of a host name. */
    static String url(Map<SnowflakeKey, Value> known, Properties props, List<String> notes)
            throws SQLException {
        String account = hostPart(known.get(SnowflakeKey.ACCOUNT), "account",
                "for example myorg-myaccount or xy12345.eu-central-1");
        String region = hostPart(known.get(SnowflakeKey.REGION), "region", "for example eu-central-1");
        String host = hostPart(known.get(SnowflakeKey.HOST), "host", "a host name such as myorg-myaccount"
                + ".privatelink.snowflakecomputing.com");
        if (host == null && account == null) {
            throw SqlState.MISSING_VALUE.exception("the snowflake connection needs the account: add account ="
                    + " \"<orgname>-<account_name>\" (or a host)");
        }
        if (host == null) {
            host = hostFor(account, region);
        } else if (region != null) {
            notes.add("region ignored: host is given");
        }
        Integer port = port(known.get(SnowflakeKey.PORT));
        if (http(known.get(SnowflakeKey.PROTOCOL))) {
            props.setProperty("ssl", "off");
        }
        if (account == null) {
            notes.add("no account: snowflake-jdbc takes it from the host " + host);
        } else if (!accountName(account).equalsIgnoreCase(accountName(host))) {
            // snowflake-jdbc would take the account from the host's first label; here that is not it
            props.setProperty("account", accountName(account));
        }
        return "jdbc:snowflake://" + host + (port == null ? "" : ":" + port) + "/";
    }

    private static String hostPart(Value v, String what, String example) throws SQLException {
        if (v == null) {
            return null;
        }
        String text = SnowflakeParameters.single(v).strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!HOST_PART.matcher(text).matches()) {
            throw SqlState.INVALID_VALUE.exception("the snowflake " + what + " may contain only letters, digits,"
                    + " '_', '-' and '.' (" + example + "), not '" + text + "' (" + v.origin() + ")");
        }
        return text;
    }

    /** snowflake-connector-python's host: the account plus the domain, with the region when one is given. */
    static String hostFor(String account, String region) {
        if (account.toLowerCase(Locale.ROOT).endsWith(DOMAIN)) {
            return account; // the whole host given as the account
        }
        if (region != null && !region.equalsIgnoreCase("us-west-2")) {
            return firstLabel(account) + "." + region + DOMAIN;
        }
        return account + DOMAIN;
    }

    /**
     * The account name the login carries, as snowflake-connector-python parses it (and as
     * snowflake-jdbc reads it from a host): the first label, without the connection suffix of
     * a {@code .global} account.
     */
    static String accountName(String accountOrHost) {
        String first = firstLabel(accountOrHost);
        String[] labels = accountOrHost.split("\\.");
        if (labels.length > 1 && labels[1].equalsIgnoreCase("global") && first.lastIndexOf('-') > 0) {
            return first.substring(0, first.lastIndexOf('-'));
        }
        return first;
    }

    private static String firstLabel(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static Integer port(Value v) throws SQLException {
        if (v == null) {
            return null;
        }
        try {
            int port = v.value() instanceof Number n ? Math.toIntExact(n.longValue())
                    : Integer.parseInt(SnowflakeParameters.single(v).strip());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw SqlState.INVALID_VALUE.exception("the snowflake port must be a number from 1 to 65535, not '"
                + SnowflakeParameters.single(v) + "' (" + v.origin() + ")");
    }

    private static boolean http(Value v) throws SQLException {
        if (v == null) {
            return false;
        }
        String protocol = SnowflakeParameters.single(v).strip().toLowerCase(Locale.ROOT);
        if (protocol.equals("https") || protocol.equals("http")) {
            return protocol.equals("http");
        }
        throw SqlState.INVALID_VALUE.exception("the snowflake protocol must be https or http, not '" + SnowflakeParameters.single(v)
                + "' (" + v.origin() + ")");
    }
}
