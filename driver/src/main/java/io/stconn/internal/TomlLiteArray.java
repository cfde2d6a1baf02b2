package io.stconn.internal;

import io.stconn.internal.TomlLiteText.GiveUp;
import java.util.ArrayList;
import java.util.List;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;

/** A single-line array {@link TomlLite} read: strings, integers or booleans, all of one kind. */
final class TomlLiteArray implements TomlArray {
    private final List<Object> values = new ArrayList<>();
    private final List<TomlPosition> positions = new ArrayList<>();

    void add(Object value, TomlPosition at) {
        if (!values.isEmpty() && values.get(0).getClass() != value.getClass()) {
            throw GiveUp.INSTANCE; // mixed kinds are left to tomlj
        }
        values.add(value);
        positions.add(at);
    }

    private boolean holds(Class<?> kind) {
        return !values.isEmpty() && values.get(0).getClass() == kind;
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean containsStrings() {
        return holds(String.class);
    }

    @Override
    public boolean containsLongs() {
        return holds(Long.class);
    }

    @Override
    public boolean containsDoubles() {
        return false;
    }

    @Override
    public boolean containsBooleans() {
        return holds(Boolean.class);
    }

    @Override
    public boolean containsOffsetDateTimes() {
        return false;
    }

    @Override
    public boolean containsLocalDateTimes() {
        return false;
    }

    @Override
    public boolean containsLocalDates() {
        return false;
    }

    @Override
    public boolean containsLocalTimes() {
        return false;
    }

    @Override
    public boolean containsArrays() {
        return false;
    }

    @Override
    public boolean containsTables() {
        return false;
    }

    @Override
    public Object get(int index) {
        return values.get(index);
    }

    @Override
    public TomlPosition inputPositionOf(int index) {
        return positions.get(index);
    }

    @Override
    public List<Object> toList() {
        return new ArrayList<>(values);
    }

    @Override
    public String toString() {
        return "TOML array of " + values.size();
    }
}
