package io.stconn.type.snowflake;

import java.util.Objects;

/** The entry a connection name means and the rule that chose it, for messages. */
public record SnowflakeEntryChoice(String entryName, String why) {
    // written out, not generated: generated record methods leave this class in a JDK-wide cache
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SnowflakeEntryChoice other
            && Objects.equals(entryName, other.entryName)
            && Objects.equals(why, other.why);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entryName, why);
    }

    @Override
    public String toString() {
        return "SnowflakeEntryChoice[entryName=" + entryName + ", why=" + why + "]";
    }
}
