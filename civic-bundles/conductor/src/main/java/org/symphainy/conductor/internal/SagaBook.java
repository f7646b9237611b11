package org.symphainy.conductor.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.symphainy.sdk.saga.SagaDefinition;
import org.symphainy.sdk.saga.SagaProblem;
import org.symphainy.sdk.saga.SagaRefusal;

/**
 * What the deployed bundles declare — their intents with artifact kinds, and their saga definitions as read — and the
 * verdict on every saga, checked again whenever a bundle comes or goes (a saga refused for an unknown intent passes
 * once the bundle providing it is deployed).
 */
final class SagaBook implements IntentCatalog {

    /** An intent a bundle declares, with the artifact kinds it may return. */
    record Declared(String intentType, Set<String> artifactKinds) {
    }

    /** A saga definition a bundle ships: read, or {@code invalid} with why not. */
    record Source(String intentType, String bundle, String bundleVersion, String resource, SagaDefinition definition,
            SagaJson.InvalidSaga invalid) {
    }

    /** The sagas that may run, and the refused ones. */
    record Verdict(Map<String, SagaDefinition> accepted, List<SagaRefusal> refusals) {
    }

    private final Map<Long, List<Declared>> intents = new HashMap<>();
    private final Map<Long, List<Source>> sources = new HashMap<>();
    private Verdict verdict = new Verdict(Map.of(), List.of());

    /** Records what bundle {@code bundleId} declares (replacing what it declared before) and checks every saga again. */
    synchronized Verdict put(long bundleId, List<Declared> declared, List<Source> sagas) {
        intents.put(bundleId, List.copyOf(declared));
        sources.put(bundleId, List.copyOf(sagas));
        return recheck();
    }

    /** Forgets bundle {@code bundleId} and checks every saga again. */
    synchronized Verdict remove(long bundleId) {
        intents.remove(bundleId);
        sources.remove(bundleId);
        return recheck();
    }

    synchronized Verdict verdict() {
        return verdict;
    }

    @Override
    public synchronized Optional<Set<String>> artifactKinds(String intentType) {
        Set<String> kinds = null;
        for (List<Declared> declared : intents.values()) {
            for (Declared intent : declared) {
                if (intent.intentType().equals(intentType)) {
                    kinds = kinds == null ? new HashSet<>() : kinds;
                    kinds.addAll(intent.artifactKinds());
                }
            }
        }
        return Optional.ofNullable(kinds);
    }

    private Verdict recheck() {
        SagaCheck check = new SagaCheck(this);
        Map<String, SagaDefinition> accepted = new TreeMap<>();
        List<SagaRefusal> refusals = new ArrayList<>();
        for (List<Source> shipped : sources.values()) {
            for (Source source : shipped) {
                List<SagaProblem> problems = source.invalid() != null
                        ? List.of(new SagaProblem(source.invalid().step(), "INVALID_DEFINITION", source.invalid().getMessage()))
                        : check.problems(source.definition());
                if (problems.isEmpty() && accepted.putIfAbsent(source.intentType(), source.definition()) != null) {
                    problems = List.of(new SagaProblem(null, "DUPLICATE_SAGA", "another deployed bundle defines saga '"
                            + source.intentType() + "' too; only one may"));
                }
                if (!problems.isEmpty()) {
                    refusals.add(new SagaRefusal(source.intentType(), source.bundle(), source.bundleVersion(),
                            source.resource(), problems));
                }
            }
        }
        refusals.sort(Comparator.comparing(SagaRefusal::intentType).thenComparing(SagaRefusal::bundle));
        verdict = new Verdict(Map.copyOf(accepted), List.copyOf(refusals));
        return verdict;
    }
}
