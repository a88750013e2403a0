package org.irsp.rest;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * §14: plain HTTP and WS are served only when {@code irsp.tls.allowPlainHttp} is true (development).
 * Otherwise a request that did not arrive over TLS is refused before it reaches REST or the WebSocket.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PlainHttpGuard implements Filter {

    @Inject
    @ConfigProperty(name = "irsp.tls.allowPlainHttp", defaultValue = "false")
    boolean allowPlainHttp;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (allowPlainHttp || request.isSecure()) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(403);
        http.setContentType("application/json");
        http.getWriter().write("{\"retCode\":403,\"reason\":\"plain HTTP is disabled: use HTTPS/WSS"
                + " (irsp.tls.allowPlainHttp=false)\",\"details\":{}}");
    }
}
