package org.irsp.registration.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import java.util.EnumMap;

/**
 * PBKDF2-HMAC-SHA256 hashing (§14) of passwords, device secrets and verification codes. The work runs
 * on a small bounded pool (one thread per core): a burst of logins waits there or gets 503, and never
 * occupies the threads that serve WebSocket I/O. Stored hashes keep their own parameters.
 */
@ApplicationScoped
public class CredentialHashing {

    public enum Kind { USER, DEVICE, VCODE }

    @Inject
    Instance<Pbkdf2PasswordHash> hashes;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "irsp.hash.user.iterations", defaultValue = "210000")
    int userIterations;

    @Inject
    @ConfigProperty(name = "irsp.hash.device.iterations", defaultValue = "210000")
    int deviceIterations;

    @Inject
    @ConfigProperty(name = "irsp.hash.vcode.iterations", defaultValue = "10000")
    int vcodeIterations;

    @Inject
    @ConfigProperty(name = "irsp.hash.queueLength", defaultValue = "256")
    int queueLength;

    private ThreadPoolExecutor pool;
    private final Map<Kind, Pbkdf2PasswordHash> byKind = new EnumMap<>(Kind.class);

    @PostConstruct
    void init() {
        int cores = Runtime.getRuntime().availableProcessors();
        pool = new ThreadPoolExecutor(cores, cores, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueLength), threads);
        byKind.put(Kind.USER, hasher(Math.max(210000, userIterations)));
        byKind.put(Kind.DEVICE, hasher(Math.max(10000, deviceIterations)));
        byKind.put(Kind.VCODE, hasher(vcodeIterations));
    }

    private Pbkdf2PasswordHash hasher(int iterations) {
        Pbkdf2PasswordHash h = hashes.get();
        h.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        return h;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    public CompletableFuture<String> hash(Kind kind, String secret) {
        return submit(() -> byKind.get(kind).generate(secret.toCharArray()));
    }

    public CompletableFuture<Boolean> verify(String secret, String storedHash) {
        return submit(() -> byKind.get(Kind.USER).verify(secret.toCharArray(), storedHash));
    }

    private <T> CompletableFuture<T> submit(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, pool);
        } catch (RejectedExecutionException full) {
            throw IrspException.retryAfter(RetCode.UNAVAILABLE, 1, "credential checks are saturated, retry");
        }
    }
}
