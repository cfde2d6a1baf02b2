package io.stconn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.stconn.pool.PoolThatResolves;
import io.stconn.resolve.Resolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The road's one direction, over the compiled classes: doors, road, resolve, types, dialect,
 * pools; the contract (spi) and the helpers (internal) below all of them. A package may import
 * only packages below it, so no import cycle can form among stconn's packages.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.stconn");

    /** The doors: the public API at the root (the errors and keys aside) and the command-line tool. */
    private static final String[] DOORS = {"io.stconn.cli..", "io.stconn.road.."};

    static List<ArchRule> rules() {
        return List.of(
                noClasses().that().resideInAPackage("io.stconn.pool..")
                        .should().dependOnClassesThat().resideInAnyPackage(
                                "io.stconn.resolve..", "io.stconn.type..", "io.stconn.dialect..", "io.stconn.cli..",
                                "io.stconn.road..")
                        .orShould().dependOnClassesThat().belongToAnyOf(StconnDriver.class, StconnDataSource.class,
                                StconnConnection.class, Stconn.class)
                        .because("the pools receive targets; they resolve nothing and know no door"),
                noClasses().that().resideInAPackage("io.stconn.dialect..")
                        .should().dependOnClassesThat().resideInAnyPackage("io.stconn.type..", "io.stconn.resolve..",
                                "io.stconn.pool..", "io.stconn.road..", "io.stconn.cli..")
                        .because("dialects are SQLAlchemy URL knowledge; a type that maps a URL plugs in through TypeUrlForm"),
                noClasses().that().resideInAnyPackage("io.stconn.request..", "io.stconn.secrets..")
                        .should().dependOnClassesThat().resideInAnyPackage("io.stconn.type..", "io.stconn.resolve..",
                                "io.stconn.pool..", "io.stconn.dialect..", "io.stconn.road..", "io.stconn.cli..")
                        .because("a request and the secrets come first on the road"),
                noClasses().that().resideInAPackage("io.stconn.spi..")
                        .should().dependOnClassesThat().resideInAnyPackage("io.stconn.request..", "io.stconn.secrets..",
                                "io.stconn.resolve..", "io.stconn.type..", "io.stconn.dialect..", "io.stconn.pool..",
                                "io.stconn.road..", "io.stconn.cli..")
                        .because("the plug-in contract is below everything but the helpers"),
                noClasses().that().resideInAPackage("io.stconn.internal..")
                        .should().dependOnClassesThat().resideInAnyPackage("io.stconn.spi..", "io.stconn.request..",
                                "io.stconn.secrets..", "io.stconn.resolve..", "io.stconn.type..", "io.stconn.dialect..",
                                "io.stconn.pool..", "io.stconn.road..", "io.stconn.cli..")
                        .because("the helpers are at the bottom"),
                noClasses().that().resideInAnyPackage("io.stconn.type..", "io.stconn.resolve..")
                        .should().dependOnClassesThat().resideInAnyPackage(DOORS)
                        .because("the types and the resolver know no door"),
                slices().matching("io.stconn.(**)").should().beFreeOfCycles());
    }

    @Test
    void everyImportPointsDownTheRoad() {
        rules().forEach(rule -> rule.check(MAIN));
    }

    @Test
    void aPoolClassThatImportsTheResolverBreaksTheRule() {
        JavaClasses withViolation = new ClassFileImporter().importClasses(PoolThatResolves.class, Resolver.class);
        ArchRule poolRule = rules().get(0);
        assertThatThrownBy(() -> poolRule.check(withViolation))
                .hasMessageContaining("PoolThatResolves")
                .hasMessageContaining("io.stconn.resolve.Resolver");
    }
}
