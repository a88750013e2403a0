package org.irsp.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.irsp.telemetry.control.Meters;

/** Counts every REST answer by the class of its HTTP status ({@code irsp_rest_requests_total}). */
@Provider
public class RestMeter implements ContainerResponseFilter {

    @Inject Meters meters;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        meters.restRequest(response.getStatus());
    }
}
