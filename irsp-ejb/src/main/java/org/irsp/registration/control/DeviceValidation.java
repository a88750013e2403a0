package org.irsp.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;

/** Table 1's 423: the device type must be accepted, and a certificate present and parseable when required. */
@ApplicationScoped
public class DeviceValidation {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "irsp.device.requireCertificate", defaultValue = "false")
    boolean requireCertificate;

    public void check(String deviceType, String certificate) {
        List<String> accepted = config.getOptionalValues("irsp.device.acceptedTypes", String.class).orElse(List.of());
        if (!accepted.isEmpty() && !accepted.contains(deviceType)) {
            throw IrspException.field(RetCode.DEVICE_INVALID, "deviceType", "device type not accepted");
        }
        if (requireCertificate && !parses(certificate)) {
            throw IrspException.field(RetCode.DEVICE_INVALID, "certificate", "device certificate invalid");
        }
    }

    private static boolean parses(String certificate) {
        if (certificate == null) {
            return false;
        }
        try {
            byte[] der = Base64.getDecoder().decode(certificate);
            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            return true;
        } catch (IllegalArgumentException | CertificateException e) {
            return false;
        }
    }
}
