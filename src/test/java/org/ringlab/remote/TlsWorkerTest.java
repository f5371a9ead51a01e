package org.ringlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --tls-cert/--tls-key: a client that trusts the certificate gets through; a plaintext one does not. */
class TlsWorkerTest {

    @Test
    void aTlsWorkerServesClientsThatTrustItsCertificate(@TempDir Path dir) throws Exception {
        Path cert = dir.resolve("worker.crt");
        Path key = dir.resolve("worker.key");
        selfSigned(dir, cert, key);
        try (WorkerServer server = WorkerServer.start("127.0.0.1", 0, "tls-token", dir.resolve("runs"),
                cert.toFile(), key.toFile())) {
            try (RemoteTrainingService client = RemoteTrainingService.connect("127.0.0.1", server.port(),
                    "tls-token", cert.toFile())) {
                assertEquals(ApiVersion.CURRENT, client.describe().apiVersion());
            }
            WorkerException plain = assertThrows(WorkerException.class,
                    () -> RemoteTrainingService.connect("127.0.0.1", server.port(), "tls-token", null));
            assertTrue(plain.getMessage().contains("cannot be reached"), plain.getMessage());
        }
    }

    /** A throwaway certificate for 127.0.0.1 made with the JDK's keytool, exported as PEM. */
    private static void selfSigned(Path dir, Path cert, Path key) throws Exception {
        Path store = dir.resolve("worker.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "worker", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass",
                "changeit").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), Charset.defaultCharset());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + output);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Files.writeString(cert, pem("CERTIFICATE", ks.getCertificate("worker").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", ks.getKey("worker", "changeit".toCharArray()).getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
