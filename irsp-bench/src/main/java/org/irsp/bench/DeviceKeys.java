package org.irsp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.irsp.client.DeviceProof;

/**
 * §8.2 on the device side: {@code K = PBKDF2-HMAC-SHA256(secret, salt, iterations)} and the proof over a
 * nonce. A device derives K once and keeps it, as a real one would; these keys are kept in a file so that a
 * reconnect storm after a server restart costs the devices one HMAC each, not a key derivation.
 */
final class DeviceKeys {

    private final Path file;
    private final Map<String, String> keys = new ConcurrentHashMap<>(); // deviceId → "salt iterations K"

    private DeviceKeys(Path file) {
        this.file = file;
    }

    /** The keys of run {@code run} kept in {@code dir} by any process (one file each), to be saved as {@code file}. */
    static DeviceKeys in(Path dir, String run, String file) {
        DeviceKeys k = new DeviceKeys(dir.resolve(file));
        try (var files = Files.exists(dir) ? Files.newDirectoryStream(dir, run + "-*.tsv") : null) {
            for (Path f : files == null ? List.<Path>of() : files) {
                for (String line : Files.readAllLines(f)) {
                    int tab = line.indexOf('\t');
                    k.keys.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return k;
    }

    void save() {
        List<String> lines = new ArrayList<>();
        keys.forEach((id, key) -> lines.add(id + '\t' + key));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The proof for {@code nonce}, deriving the device's key only when its salt or iterations changed. */
    String proof(String deviceId, String secret, String salt, int iterations, String nonce) {
        String cached = keys.get(deviceId);
        String prefix = salt + ' ' + iterations + ' ';
        byte[] k;
        if (cached != null && cached.startsWith(prefix)) {
            k = Base64.getDecoder().decode(cached.substring(prefix.length()));
        } else {
            k = DeviceProof.key(secret, salt, iterations);
            keys.put(deviceId, prefix + Base64.getEncoder().encodeToString(k));
        }
        return DeviceProof.proof(k, nonce, deviceId);
    }
}
