package org.ringlab.sweep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sweep plans and sequences runs; training is the caller's (CLI: Trainer, workbench: TrainingService). */
class SweepIsEngineFreeTest {
    @Test
    void sweepKnowsNeitherTheEngineNorTheTrainer() {
        noClasses().that().resideInAPackage("org.ringlab.sweep..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "org.ringlab.train..", "org.ringlab.nn..",
                        "org.ringlab.service..", "org.ringlab.cli..", "org.ringlab.ui..")
                .because("a sweep must run the same through the CLI's trainer, the workbench's service or a worker")
                .check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                        .importPackages("org.ringlab.sweep"));
    }
}
