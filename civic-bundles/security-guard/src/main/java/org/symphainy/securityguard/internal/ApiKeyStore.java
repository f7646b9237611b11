package org.symphainy.securityguard.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.identity.ApiKeys.ApiKeyInfo;
import org.symphainy.sdk.identity.ApiKeys.IssuedKey;
import org.symphainy.sdk.identity.AuthenticationException;
import org.symphainy.sdk.identity.Principal;

/**
 * The API keys, kept in memory as an immutable map (checks never wait) and on disk in the key file, which one writer at
 * a time replaces atomically with the whole new map. A new key reaches memory only after the file holds it; a
 * revocation reaches memory first, so it takes effect at once even if the disk fails. The file is re-read when someone
 * else changes it; a file that cannot be read is refused with one ERROR line and the keys read before stay in force
 * (and changes are refused, so the broken file is not overwritten).
 */
final class ApiKeyStore {

    /** The key file's name, in {@code ${symphainy.data}/security/}. */
    static final String FILE_NAME = "api-keys.json";

    static final String UNKNOWN_OR_REVOKED = "unknown or revoked API key: check that it was copied whole, or ask an "
            + "administrator for a new one";

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStore.class);
    private static final int MAX_LABEL_LENGTH = 200;

    private final Path file;
    private final Clock clock;
    private final SecureRandom random;
    private final ReentrantLock writer = new ReentrantLock();
    private final FileWatch watch;
    private volatile Map<String, StoredKey> keys = Map.of();
    private volatile String rejection;
    private volatile int iterations;

    /** The store of {@code file}, read now if it exists; new keys are hashed with {@code iterations}. */
    ApiKeyStore(Path file, int iterations, Clock clock, SecureRandom random, LongSupplier nanoTime) {
        this.file = file;
        this.clock = clock;
        this.random = random;
        this.iterations = iterations;
        this.watch = new FileWatch(file, nanoTime);
        if (Files.exists(file)) {
            load();
        }
    }

    /** The key file. */
    Path file() {
        return file;
    }

    /** Sets the iteration count for keys created from now on (existing keys keep theirs). */
    void iterations(int iterations) {
        this.iterations = iterations;
    }

    /** Creates a key; the file holds it before this returns. */
    IssuedKey create(String tenant, String actor, Set<String> roles, String label) {
        return issue(tenant, actor, roles, label, false, issued -> { }).orElseThrow();
    }

    /**
     * A new key that is not stored: a key id no stored key has, a secret and its hash with the configured iterations,
     * and the change that creates it. Throws IllegalArgumentException if a value cannot be used.
     */
    Prepared prepare(String tenant, String actor, Set<String> roles, String label) {
        Principal principal = new Principal(tenant, actor, roles, StoredKey.AUTHENTICATED_BY);
        String checkedLabel = checkLabel(label);
        ApiKeyCredential credential = ApiKeyCredential.random(random);
        reloadIfChanged();
        while (keys.containsKey(credential.keyId())) {
            credential = ApiKeyCredential.random(random);
        }
        KeyHash hash = KeyHash.of(credential.secret(), iterations, random);
        return new Prepared(credential, ApiKeyChange.create(credential.keyId(), principal, checkedLabel, hash));
    }

    /** Stores {@code key} as it is (its hash included); false, storing nothing, if a key has its id already. */
    boolean add(StoredKey key) {
        writer.lock();
        try {
            refuseChangesIfRejected();
            if (keys.containsKey(key.keyId())) {
                return false;
            }
            Map<String, StoredKey> next = new HashMap<>(keys);
            next.put(key.keyId(), key);
            persist(next, "key " + key.keyId() + " was not created");
            keys = Map.copyOf(next);
            return true;
        } finally {
            writer.unlock();
        }
    }

    /** The key with this id, active or revoked. */
    Optional<StoredKey> find(String keyId) {
        reloadIfChanged();
        return Optional.ofNullable(keys.get(keyId));
    }

    /** Every key, active or revoked, in no order. */
    Collection<StoredKey> keys() {
        reloadIfChanged();
        return keys.values();
    }

    /**
     * Creates a key only if no key file exists yet; {@code handOff} receives it before the file is written (if it throws,
     * nothing is stored). Empty if the file exists.
     */
    Optional<IssuedKey> createFirst(String tenant, String actor, Set<String> roles, String label, HandOff handOff) {
        return issue(tenant, actor, roles, label, true, handOff);
    }

    private Optional<IssuedKey> issue(String tenant, String actor, Set<String> roles, String label, boolean onlyFirst,
            HandOff handOff) {
        Principal principal = new Principal(tenant, actor, roles, StoredKey.AUTHENTICATED_BY);
        String checkedLabel = checkLabel(label);
        ApiKeyCredential credential = ApiKeyCredential.random(random);
        KeyHash hash = KeyHash.of(credential.secret(), iterations, random);
        writer.lock();
        try {
            if (onlyFirst && Files.exists(file)) {
                return Optional.empty();
            }
            refuseChangesIfRejected();
            while (keys.containsKey(credential.keyId())) {
                credential = new ApiKeyCredential(ApiKeyCredential.random(random).keyId(), credential.secret());
            }
            StoredKey key = new StoredKey(credential.keyId(), principal, checkedLabel, clock.instant(), null, hash);
            IssuedKey issued = new IssuedKey(key.info(), credential.text());
            handOff.accept(issued);
            Map<String, StoredKey> next = new HashMap<>(keys);
            next.put(key.keyId(), key);
            persist(next, "key " + key.keyId() + " was not created");
            keys = Map.copyOf(next);
            return Optional.of(issued);
        } catch (IOException e) {
            throw new UncheckedIOException("the new key could not be handed over (" + e.getMessage()
                    + "); it was not created: check the data directory's permissions and free space", e);
        } finally {
            writer.unlock();
        }
    }

    /** Revokes {@code keyId} at once; false if no active key has that id. */
    boolean revoke(String keyId) {
        return revoke(keyId, clock.instant());
    }

    /** Revokes {@code keyId} as of {@code revokedAt}; false if no active key has that id. */
    boolean revoke(String keyId, Instant revokedAt) {
        writer.lock();
        try {
            refuseChangesIfRejected();
            StoredKey key = keys.get(keyId);
            if (key == null || !key.active()) {
                return false;
            }
            Map<String, StoredKey> next = new HashMap<>(keys);
            next.put(keyId, key.revokedAt(revokedAt));
            keys = Map.copyOf(next);
            persist(next, "key " + keyId + " is revoked while this bundle runs, but would be active again after a "
                    + "restart until the next key change is written");
            return true;
        } finally {
            writer.unlock();
        }
    }

    /** Every key, active or revoked, oldest first. */
    List<ApiKeyInfo> list() {
        reloadIfChanged();
        return keys.values().stream()
                .sorted(Comparator.comparing(StoredKey::createdAt).thenComparing(StoredKey::keyId))
                .map(StoredKey::info).toList();
    }

    /** The principal of an active key whose secret matches; else an {@link AuthenticationException}. */
    Principal authenticate(ApiKeyCredential credential) {
        reloadIfChanged();
        StoredKey key = keys.get(credential.keyId());
        if (key == null || !key.active()) {
            KeyHash.spendEquivalentWork(credential.secret(), iterations);
            throw new AuthenticationException(UNKNOWN_OR_REVOKED);
        }
        if (!key.hash().matches(credential.secret())) {
            throw new AuthenticationException(UNKNOWN_OR_REVOKED);
        }
        StoredKey now = keys.get(key.keyId());
        if (now == null || !now.active()) {
            // revoked while the hash was computed: a revocation that returned must win
            throw new AuthenticationException(UNKNOWN_OR_REVOKED);
        }
        return key.principal();
    }

    /** Re-reads the key file if it changed on disk since this store last read or wrote it. */
    void reloadIfChanged() {
        if (watch.changed()) {
            writer.lock();
            try {
                load();
            } finally {
                writer.unlock();
            }
        }
    }

    private void load() {
        try {
            byte[] content = Files.readAllBytes(file);
            Map<String, StoredKey> loaded = new HashMap<>();
            KeyFileFormat.read(file, content).forEach(key -> loaded.put(key.keyId(), key));
            keys = Map.copyOf(loaded);
            rejection = null;
        } catch (NoSuchFileException e) {
            LOG.warn("{} was deleted; the {} keys read before stay in force and the next key change writes the file "
                    + "again", file, keys.size());
        } catch (IOException e) {
            reject(new InputRejected(file.toString(), null, "cannot be read (" + e + "): check its permissions"));
        } catch (InputRejected e) {
            reject(e);
        }
    }

    private void reject(InputRejected e) {
        rejection = e.getMessage();
        int inForce = keys.size();
        LOG.error("{}; {} and key changes are refused until the file is fixed", e.getMessage(), inForce == 0
                ? "no API key is accepted" : "the " + inForce + " API keys read before stay in force");
    }

    private void refuseChangesIfRejected() {
        if (watch.changed()) {
            load();
        }
        String problem = rejection;
        if (problem != null) {
            throw new IllegalStateException("API keys cannot be changed: the key file was rejected (" + problem
                    + "); fix it or restore it from a backup, then try again");
        }
    }

    private void persist(Map<String, StoredKey> next, String consequence) {
        List<StoredKey> ordered = next.values().stream()
                .sorted(Comparator.comparing(StoredKey::createdAt).thenComparing(StoredKey::keyId)).toList();
        try {
            SecureFiles.writeAtomically(file, KeyFileFormat.write(ordered));
            watch.seenNow();
        } catch (IOException e) {
            throw new UncheckedIOException("the key file " + file + " could not be written (" + e + "): " + consequence
                    + "; check the data directory's permissions and free space", e);
        }
    }

    private static String checkLabel(String label) {
        String checked = label == null ? "" : label.strip();
        if (checked.length() > MAX_LABEL_LENGTH || checked.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("label must be at most " + MAX_LABEL_LENGTH
                    + " characters without control characters");
        }
        return checked;
    }

    /**
     * A key made by {@link #prepare}: its credential, to hand to its owner, and the change that creates it.
     *
     * @param credential the key id and secret
     * @param change the change to submit as a {@code platform.apikey.create} intent
     */
    record Prepared(ApiKeyCredential credential, ApiKeyChange change) {
    }

    /** Receives a key before the key file holds it (the bootstrap administrator's credential file). */
    @FunctionalInterface
    interface HandOff {
        void accept(IssuedKey issued) throws IOException;
    }
}
