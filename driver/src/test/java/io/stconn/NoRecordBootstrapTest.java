package io.stconn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An application server that undeploys an application expects its class loader to be collected.
 * A record's generated equals, hashCode and toString are bootstrapped through the JDK's
 * ObjectMethods, whose cached method handles keep a reference to the record class (and so to its
 * class loader) after the driver is deregistered; stconn's records write those methods out.
 */
class NoRecordBootstrapTest {
    @Test
    void noStconnClassBootstrapsThroughObjectMethods() throws IOException {
        Path classes = Path.of(StconnDriver.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> offenders;
        try (Stream<Path> all = Files.walk(classes)) {
            offenders = all.filter(p -> p.toString().endsWith(".class"))
                    .filter(NoRecordBootstrapTest::usesObjectMethods)
                    .map(p -> classes.relativize(p).toString())
                    .toList();
        }
        assertThat(offenders).as("classes whose record methods are generated (write equals, hashCode, toString out)")
                .isEmpty();
    }

    private static boolean usesObjectMethods(Path classFile) {
        try {
            // the bootstrap class is named in the constant pool as plain UTF-8
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)
                    .contains("java/lang/runtime/ObjectMethods");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
