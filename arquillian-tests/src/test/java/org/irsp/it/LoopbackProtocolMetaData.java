package org.irsp.it;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * The Payara Micro adapter takes the server's address from its start-up banner, which names the host's
 * network address; our servers listen on 127.0.0.1 only. This points Arquillian's test calls at loopback.
 */
public class LoopbackProtocolMetaData implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Rewriter.class);
    }

    public static class Rewriter {

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> producer;

        @Inject
        private Instance<ProtocolMetaData> current;

        public void toLoopback(@Observes AfterDeploy event) {
            ProtocolMetaData original = current.get();
            if (original == null) {
                return;
            }
            ProtocolMetaData loopback = new ProtocolMetaData();
            for (HTTPContext context : original.getContexts(HTTPContext.class)) {
                HTTPContext local = new HTTPContext("127.0.0.1", context.getPort());
                for (Servlet servlet : context.getServlets()) {
                    local.add(new Servlet(servlet.getName(), servlet.getContextRoot()));
                }
                loopback.addContext(local);
            }
            producer.set(loopback);
        }
    }
}
