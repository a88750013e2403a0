package org.irsp.operations;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The broker must be reachable before IRSP takes traffic: every push, offline item and event goes
 * through it. At start-up this waits up to {@code irsp.startup.brokerWaitSeconds} (60) for the resource
 * adapter to connect, and otherwise stops the deployment naming the reason (wrong host or port in
 * {@code create-resource-adapter-config}, a broker that is down), rather than leaving a server that
 * accepts logins it cannot serve.
 */
@Singleton
@Startup
@DependsOn("EmbeddedBroker")
public class BrokerAtStartup {

    private static final Logger LOG = Logger.getLogger(BrokerAtStartup.class.getName());

    @Inject @Readiness BrokerReadiness broker;
    @Resource ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "irsp.startup.brokerWaitSeconds", defaultValue = "60")
    long waitSeconds;

    @PostConstruct
    void awaitBroker() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Future<HealthCheckResponse> check = executor.submit(broker::probe);
            try {
                HealthCheckResponse r = check.get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
                        TimeUnit.MILLISECONDS);
                if (r.getStatus() == HealthCheckResponse.Status.UP) {
                    return;
                }
                last = r.getData().map(d -> String.valueOf(d.get("error"))).orElse("down");
                Thread.sleep(1000);
            } catch (TimeoutException e) {
                check.cancel(true);
                last = "no answer within " + waitSeconds + " s";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                last = e.toString();
            }
        }
        LOG.severe("the broker cannot be reached: " + last);
        throw new IllegalStateException("the broker (resource adapter irsp-ra) cannot be reached after " + waitSeconds
                + " s: " + last + "; check create-resource-adapter-config and that the broker runs. IRSP does not start");
    }
}
