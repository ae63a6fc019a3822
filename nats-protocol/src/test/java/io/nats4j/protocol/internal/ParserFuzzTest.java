package io.nats4j.protocol.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target for the parser.
 *
 * <p>In a normal {@code mvn test} it runs in regression mode: once per seed in
 * {@code src/test/resources/io/nats4j/protocol/ParserFuzzTestInputs/parserThrowsOnlyProtocolErrors/}
 * (and per crash file added there). To fuzz for real, with coverage guidance, run:
 * <pre>
 * JAZZER_FUZZ=1 mvn -o test -pl nats-protocol -Dtest=ParserFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * which fuzzes for {@code maxDuration} (two minutes; Jazzer takes it only from the annotation, so edit it
 * for a longer run) and stores any crashing input next to the seeds as {@code crash-<sha1>}; such a
 * file then runs in every build. Interrupting a fuzzing run can leave a spurious crash file: check
 * it runs green in regression mode before keeping it. {@link ParserMutationFuzzTest} is the other
 * fuzz target, bounded by {@code -Dnats4j.fuzz.seconds}.
 */
class ParserFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void parserThrowsOnlyProtocolErrors(byte[] wire) {
        FuzzChecks.check(wire, wire.length + 1);
        FuzzChecks.check(wire, 1 + wire.length % 7);
    }
}
