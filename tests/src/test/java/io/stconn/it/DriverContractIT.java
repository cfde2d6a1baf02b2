package io.stconn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * INTEGRATIONS.md, "The driver contract": one registered instance, version methods and
 * getPropertyInfo that answer from the URL alone without ever throwing, and masked values.
 */
class DriverContractIT {
    private static final List<String> STCONN_KEYS = List.of("type", "ttl", "max_entries", "project_dir", "secrets_files");

    @Test
    void driverIsRegisteredOnceWithDriverManager() {
        long stconnDrivers = Collections.list(DriverManager.getDrivers()).stream()
                .filter(d -> d.getClass().getName().equals(Jars.DRIVER_CLASS))
                .count();
        assertThat(stconnDrivers).isEqualTo(1);
    }

    @Test
    void versionMethodsAnswerWithoutThrowing() throws Exception {
        Driver driver = BadInputIT.stconn();
        assertThat(driver.getMajorVersion()).isZero();
        assertThat(driver.getMinorVersion()).isEqualTo(1);
        assertThat(driver.jdbcCompliant()).as("stconn delegates, so it claims no compliance").isFalse();
        assertThat(driver.getParentLogger()).isNotNull();
    }

    @Test
    void propertyInfoListsStconnKeysFromTheUrlAloneWithMaskedValues() throws Exception {
        Driver driver = BadInputIT.stconn();
        String url = "jdbc:stconn:nowhere?ttl=10&password=" + Project.PASSWORD + "&project_dir=%2Fno%2Fsuch%2Fproject";
        Properties props = new Properties();
        props.setProperty("password", Project.PASSWORD);
        DriverPropertyInfo[] info = driver.getPropertyInfo(url, props);
        assertThat(info).extracting(i -> i.name).containsAll(STCONN_KEYS);
        for (DriverPropertyInfo i : info) {
            assertThat(i.description).as("description of %s", i.name).isNotBlank();
            assertThat(String.valueOf(i.value)).as("value of %s", i.name).doesNotContain(Project.PASSWORD);
        }
        DriverPropertyInfo ttl = Arrays.stream(info).filter(i -> i.name.equals("ttl")).findFirst().orElseThrow();
        assertThat(ttl.value).isEqualTo("10");
        DriverPropertyInfo type = Arrays.stream(info).filter(i -> i.name.equals("type")).findFirst().orElseThrow();
        assertThat(type.choices).contains("sql", "snowflake");
    }

    @Test
    void propertyInfoNeverThrowsForBadOrEmptyInput() {
        Driver driver = BadInputIT.stconn();
        for (String url : List.of("jdbc:stconn:", "jdbc:stconn:%zz", "jdbc:stconn:env:UNSET_VAR_XYZ", "jdbc:stconn:x?ttl=abc",
                "jdbc:h2:mem:x")) {
            assertThatCode(() -> driver.getPropertyInfo(url, new Properties())).as(url).doesNotThrowAnyException();
        }
        assertThatCode(() -> driver.getPropertyInfo("jdbc:stconn:x", null)).doesNotThrowAnyException();
    }
}
