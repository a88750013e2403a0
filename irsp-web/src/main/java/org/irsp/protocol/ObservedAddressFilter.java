package org.irsp.protocol;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The WebSocket API does not tell an endpoint where its peer is. This filter hands the TCP source
 * address and port of the upgrade request to {@link Handshake} in an internal header (one a client
 * sends is replaced), for the server-reflexive candidate of §12.3.
 */
@WebFilter(urlPatterns = "/ws", asyncSupported = true)
public class ObservedAddressFilter implements Filter {

    static final String HEADER = "X-Irsp-Observed-Remote";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String observed = http.getRemoteAddr() + " " + http.getRemotePort();
        chain.doFilter(new HttpServletRequestWrapper(http) {
            @Override
            public String getHeader(String name) {
                return HEADER.equalsIgnoreCase(name) ? observed : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HEADER.equalsIgnoreCase(name) ? Collections.enumeration(List.of(observed)) : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                List<String> names = new ArrayList<>();
                Collections.list(super.getHeaderNames()).stream().filter(n -> !HEADER.equalsIgnoreCase(n)).forEach(names::add);
                names.add(HEADER);
                return Collections.enumeration(names);
            }
        }, response);
    }
}
