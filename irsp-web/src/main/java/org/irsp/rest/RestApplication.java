package org.irsp.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The §5 REST binding under {@code /irsp/api/v1}. */
@ApplicationPath("api/v1")
public class RestApplication extends Application {}
