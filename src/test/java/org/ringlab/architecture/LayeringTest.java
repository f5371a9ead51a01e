package org.ringlab.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering of RingLab's main code: quant (pure math) at the bottom; data and config
 * free of the engine; train, bench and the CLI on top; no UI toolkit below a UI package.
 */
class LayeringTest {

    private static final String[] CORE = {"org.ringlab.quant..", "org.ringlab.nn..", "org.ringlab.data..",
        "org.ringlab.config..", "org.ringlab.train.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.ringlab");
    }

    @Test
    void coreAndCliKnowNothingOfTheUiToolkits() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.ringlab.quant..", "org.ringlab.nn..",
                        "org.ringlab.data..", "org.ringlab.config..", "org.ringlab.train..", "org.ringlab.bench..",
                        "org.ringlab.cli..", "org.ringlab.service..", "org.ringlab.interop..", "org.ringlab.export..",
                        "org.ringlab.tables..", "org.ringlab.figures..", "org.ringlab.remote..", "org.ringlab.store..",
                        "org.ringlab.sweep..", "org.ringlab.cluster..", "org.ringlab.probe..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..")
                .because("the core and the CLI must run headless; only a UI package (org.ringlab.ui) may use "
                        + "JavaFX and ChartFX");
        rule.check(classes);
    }

    @Test
    void theUiKnowsTheServiceOnlyThroughItsInterface() {
        ArchRule rule = noClasses().that().resideInAPackage("org.ringlab.ui..")
                .and().doNotHaveSimpleName("RingLabApp")
                .should().dependOnClassesThat().haveSimpleName("InProcessTrainingService")
                .orShould().dependOnClassesThat().resideInAPackage("org.ringlab.remote..")
                .because("where training runs (in process, a worker, a remote GPU) must stay invisible to the "
                        + "views; only the application class chooses an implementation");
        rule.check(classes);
    }

    @Test
    void quantIsPureMath() {
        ArchRule rule = noClasses().that().resideInAPackage("org.ringlab.quant..")
                .should().dependOnClassesThat(resideInAPackage("ai.djl..")
                        .or(resideInAPackage("org.ringlab..").and(not(resideInAPackage("org.ringlab.quant..")))))
                .because("ring math is plain Java: testable and reusable without the engine or the rest of RingLab");
        rule.check(classes);
    }

    @Test
    void dataAndConfigDoNotUseTheEngine() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.ringlab.data..", "org.ringlab.config..")
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .because("reading data and configurations must not need (or load) the DJL/PyTorch engine");
        rule.check(classes);
    }

    @Test
    void configDoesNotDependOnDataModelsOrTraining() {
        ArchRule rule = noClasses().that().resideInAPackage("org.ringlab.config..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.ringlab.data..", "org.ringlab.nn..", "org.ringlab.train..")
                .because("a run configuration is plain values; it reaches the data only through its DataProbe "
                        + "interface, implemented elsewhere");
        rule.check(classes);
    }

    @Test
    void dataDoesNotDependOnConfigModelsOrTraining() {
        ArchRule rule = noClasses().that().resideInAPackage("org.ringlab.data..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.ringlab.config..", "org.ringlab.nn..", "org.ringlab.train..")
                .because("data loading stands alone: readers and samplers know nothing of runs or models");
        rule.check(classes);
    }

    @Test
    void thePickleInterpreterStandsAlone() {
        ArchRule rule = noClasses().that().resideInAPackage("org.ringlab.pickle..")
                .should().dependOnClassesThat(resideInAPackage("org.ringlab..")
                        .and(not(resideInAnyPackage("org.ringlab.pickle..", "org.ringlab.io.."))))
                .because("the checkpoint importer (interop) and the data readers both read pickles through it, "
                        + "each under its own rules; it must not pull either in");
        rule.check(classes);
    }

    @Test
    void coreDoesNotDependOnCliOrBench() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.ringlab.cli..", "org.ringlab.bench..")
                .because("the CLI and the benchmarks sit on top of the core, which the UI uses without them");
        rule.check(classes);
    }

    @Test
    void theTrainingCoreDoesNotKnowTheRunStore() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAPackage("org.ringlab.store..")
                .because("the store records what training reports; training runs the same without it");
        rule.check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("org.ringlab.(*)..").should().beFreeOfCycles()
                .because("each package must be understandable and testable from the ones below it");
        rule.check(classes);
    }

    /**
     * The rules above only mean something if the import sees the engine dependencies at all: nn
     * builds DJL blocks, so the same kind of rule must fail for it.
     */
    @Test
    void importSeesEngineDependencies() {
        ArchRule nnWithoutDjl = noClasses().that().resideInAPackage("org.ringlab.nn..")
                .should().dependOnClassesThat(resideInAnyPackage("ai.djl.."));
        assertTrue(nnWithoutDjl.evaluate(classes).hasViolation(), "no dependency of nn on ai.djl was seen");
    }

    /** And if the import holds the main classes of every package the rules name. */
    @Test
    void importHoldsEveryLayer() {
        for (String pkg : new String[] {"quant", "nn", "data", "config", "train", "bench", "cli", "service",
            "remote"}) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().equals("org.ringlab." + pkg)),
                    "no main class imported from org.ringlab." + pkg);
        }
        assertTrue(classes.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")),
                "test classes were imported");
    }
}
