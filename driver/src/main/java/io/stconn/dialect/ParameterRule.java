package io.stconn.dialect;

import io.stconn.SqlState;
import io.stconn.internal.Masking;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * How one Python connect argument (a SQLAlchemy query parameter) becomes JDBC configuration.
 * The factories below are the vocabulary {@link Translations} is written in.
 */
@FunctionalInterface
interface ParameterRule {

    void apply(String key, String value, TargetBuilder target) throws SQLException;

    /** Unknown parameters reach the driver unchanged: most names are the same on both sides. */
    static ParameterRule passThrough() {
        return (key, value, target) -> target.property(key, value);
    }

    static ParameterRule rename(String javaName) {
        return (key, value, target) -> target.property(javaName, value);
    }

    /** For parameters that mean nothing to the JDBC driver; the note keeps the debug log honest. */
    static ParameterRule drop(String why) {
        return drop("parameter", why);
    }

    static ParameterRule drop(String kind, String why) {
        return (key, value, target) ->
                target.note("dropped " + kind + " " + key + "=" + Masking.value(key, value) + " (" + why + ")");
    }

    /** Values the URL form reads (Oracle's service_name, H2 settings) rather than properties. */
    static ParameterRule urlSetting() {
        return (key, value, target) -> target.urlSetting(key, value);
    }

    /** Python takes seconds, possibly fractional; the Java property takes whole seconds (rounded up). */
    static ParameterRule seconds(String javaName) {
        return (key, value, target) ->
                target.property(javaName, seconds(key, value).setScale(0, RoundingMode.CEILING).toPlainString());
    }

    /** Python takes seconds; the Java property takes milliseconds. */
    static ParameterRule secondsAsMillis(String javaName) {
        return (key, value, target) -> target.property(javaName,
                seconds(key, value).movePointRight(3).setScale(0, RoundingMode.CEILING).toPlainString());
    }

    /** yes/no, true/false, on/off, 1/0 in any case (ODBC says yes/no, Python says True/1). */
    static ParameterRule bool(String javaName) {
        return (key, value, target) -> target.property(javaName, Boolean.toString(bool(key, value)));
    }

    /** A closed set of values, each with its Java spelling (keys lower-case, in the order to list them). */
    static ParameterRule choice(String javaName, Map<String, String> choices) {
        return (key, value, target) -> {
            String mapped = choices.get(value.trim().toLowerCase(Locale.ROOT));
            if (mapped == null) {
                throw SqlState.INVALID_VALUE.exception(key + " must be one of " + String.join(", ", choices.keySet())
                        + ", not '" + Masking.value(key, value) + "'");
            }
            target.property(javaName, mapped);
        };
    }

    /** Well-known values translated (keys lower-case), any other value passed as given. */
    static ParameterRule mapped(String javaName, Map<String, String> known) {
        return (key, value, target) ->
                target.property(javaName, known.getOrDefault(value.trim().toLowerCase(Locale.ROOT), value));
    }

    /** One rule when the chosen driver is {@code driver}, another for every other driver of the dialect. */
    static ParameterRule forDriver(KnownDriver driver, ParameterRule rule, ParameterRule otherwise) {
        return (key, value, target) -> (target.driver() == driver ? rule : otherwise).apply(key, value, target);
    }

    /** Parameters that cannot be translated and would silently change where or how stconn connects. */
    static ParameterRule refuse(String what) {
        return (key, value, target) -> {
            throw SqlState.INVALID_VALUE.exception("the " + target.dialect().canonicalName() + " parameter "
                    + key + " is not supported: " + what);
        };
    }

    static BigDecimal seconds(String key, String value) throws SQLException {
        try {
            BigDecimal seconds = new BigDecimal(value.trim());
            if (seconds.signum() >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below with the key, which is what the user has to fix
        }
        throw SqlState.INVALID_VALUE.exception(key + " must be a number of seconds (0 or more), not '"
                + Masking.value(key, value) + "'");
    }

    static boolean bool(String key, String value) throws SQLException {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1":
                return true;
            case "no", "false", "off", "0":
                return false;
            default:
                throw SqlState.INVALID_VALUE.exception(key + " must be yes or no (or true/false, on/off, 1/0), not '"
                        + Masking.value(key, value) + "'");
        }
    }
}
